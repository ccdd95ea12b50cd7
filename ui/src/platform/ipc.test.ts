import { afterEach, describe, expect, it } from "vitest";
import type { ServerSignal } from "../generated/bindings";
import { invoke, onServerSignal, toAppError, usePlatform } from "./ipc";
import type { Platform } from "./types";

describe("toAppError", () => {
  it("keeps a backend error as it is, so its Chinese message reaches the user", () => {
    const error = { code: "notFound", message: "找不到期刊（编号 9），可能已被删除" };
    expect(toAppError(error)).toEqual(error);
  });

  it("wraps anything else as an internal error with a Chinese message", () => {
    const error = toAppError(new Error("boom"));
    expect(error.code).toBe("internal");
    expect(error.message).toContain("程序内部错误");
  });
});

describe("invoke", () => {
  afterEach(() => usePlatform(null));

  function refusing(code: string, message: string): Platform {
    return {
      invoke: async () => Promise.reject({ code, message }),
      onSignal: () => () => {},
    } as unknown as Platform;
  }

  it("tells signal listeners that the login is needed when a command is refused for it", async () => {
    usePlatform(refusing("unauthorized", "登录已过期，请重新登录"));
    const heard: ServerSignal[] = [];
    onServerSignal((signal) => heard.push(signal));
    await expect(invoke("list_issues", {})).rejects.toMatchObject({ code: "unauthorized" });
    expect(heard).toEqual([{ kind: "loggedOut", message: "登录已过期，请重新登录" }]);
  });

  it("passes other refusals to the caller only", async () => {
    usePlatform(refusing("forbidden", "您的账号没有签发的权限"));
    const heard: ServerSignal[] = [];
    onServerSignal((signal) => heard.push(signal));
    await expect(invoke("list_issues", {})).rejects.toMatchObject({ message: "您的账号没有签发的权限" });
    expect(heard).toEqual([]);
  });
});
