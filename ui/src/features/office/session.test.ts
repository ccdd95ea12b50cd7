import { describe, expect, it, vi } from "vitest";
import type { Me } from "../../generated/bindings";
import { Session, type SessionPlatform } from "./session.svelte";

const proofreader: Me = { name: "刘洋", roles: ["proofreader"], office: true };
const wrongPassword = { code: "unauthorized", message: "用户名或密码不正确" };

function platform(overrides: Partial<SessionPlatform> = {}): SessionPlatform {
  return {
    startSession: vi.fn(async () => ({ connection: null, me: null })),
    logIn: vi.fn(async () => proofreader),
    logOut: vi.fn(async () => {}),
    ...overrides,
  };
}

describe("the login flow", () => {
  it("asks for the login when the office server has no session for this window", async () => {
    const session = new Session(platform());
    await session.start();
    expect(session.phase).toBe("login");
  });

  it("goes straight in on this computer's own database", async () => {
    const local: Me = { roles: ["editor", "proofreader", "signer", "admin"], office: false };
    const session = new Session(platform({ startSession: async () => ({ connection: { mode: "local" }, me: local }) }));
    await session.start();
    expect(session.phase).toBe("ready");
    expect(session.office).toBe(false);
  });

  it("stays on the login with the server's message after a wrong password", async () => {
    const session = new Session(platform({ logIn: async () => Promise.reject(wrongPassword) }));
    await session.start();
    await expect(session.logIn("刘洋", "wrong")).rejects.toEqual(wrongPassword);
    expect(session.phase).toBe("login");
    expect(session.me).toBeNull();
  });

  it("logs in with the trimmed name and works under the account's name", async () => {
    const fake = platform();
    const session = new Session(fake);
    await session.start();
    await session.logIn(" 刘洋 ", "secret");
    expect(fake.logIn).toHaveBeenCalledWith("刘洋", "secret");
    expect(session.phase).toBe("ready");
    expect(session.actorName()).toBe("刘洋");
  });

  it("returns to the login, saying why, when the session lapses", async () => {
    const session = new Session(platform({ startSession: async () => ({ connection: null, me: proofreader }) }));
    await session.start();
    session.heard({ kind: "loggedOut", message: "登录已过期，请重新登录" });
    expect(session.phase).toBe("login");
    expect(session.loginReason).toBe("登录已过期，请重新登录");
    await session.logIn("刘洋", "secret");
    expect(session.loginReason).toBeNull();
  });

  it("shows the offline banner until the server is back", async () => {
    const session = new Session(platform({ startSession: async () => ({ connection: null, me: proofreader }) }));
    await session.start();
    session.heard({ kind: "offline", message: "与服务器的连接已断开，正在重试…" });
    expect(session.offline).toBe("与服务器的连接已断开，正在重试…");
    expect(session.phase).toBe("ready");
    session.heard({ kind: "online" });
    expect(session.offline).toBeNull();
  });

  it("is logged out on 退出登录 even when the server cannot be reached", async () => {
    const session = new Session(
      platform({
        startSession: async () => ({ connection: null, me: proofreader }),
        logOut: async () => Promise.reject({ code: "unavailable", message: "无法连接办公室服务器" }),
      }),
    );
    await session.start();
    await expect(session.logOut()).rejects.toMatchObject({ code: "unavailable" });
    expect(session.phase).toBe("login");
  });
});

describe("退出登录", () => {
  it("lets the open article store its text and give its lease back before the session ends", async () => {
    const order: string[] = [];
    const session = new Session(
      platform({
        startSession: async () => ({ connection: null, me: proofreader }),
        logOut: async () => void order.push("logOut"),
      }),
    );
    await session.start();
    session.beforeLogOut(async () => void order.push("saved and released"));
    await session.logOut();
    expect(order).toEqual(["saved and released", "logOut"]);
  });

  it("forgets a task whose editor has closed", async () => {
    const task = vi.fn(async () => {});
    const session = new Session(platform({ startSession: async () => ({ connection: null, me: proofreader }) }));
    await session.start();
    session.beforeLogOut(task)();
    await session.logOut();
    expect(task).not.toHaveBeenCalled();
  });
});
