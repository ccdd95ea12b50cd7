import { describe, expect, it } from "vitest";
import { toAppError } from "./ipc";

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
