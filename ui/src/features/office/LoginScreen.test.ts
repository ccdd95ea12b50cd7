import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../generated/bindings";
import { usePlatform } from "../../platform/ipc";
import type { Platform } from "../../platform/types";
import LoginScreen from "./LoginScreen.svelte";
import { Session } from "./session.svelte";

const me: Me = { name: "刘洋", roles: ["proofreader"], office: true };
let component: ReturnType<typeof mount> | null = null;

afterEach(() => {
  if (component) unmount(component);
  component = null;
  usePlatform(null);
  document.body.innerHTML = "";
});

async function loginScreen(logIn: (name: string, password: string) => Promise<Me>) {
  const platform = { desktop: false, startSession: async () => ({ connection: null, me: null }), logIn, logOut: async () => {} };
  usePlatform(platform as unknown as Platform);
  const session = new Session(platform);
  await session.start();
  component = mount(LoginScreen, { target: document.body, props: { session } });
  flushSync();
  return session;
}

const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);

function type(id: string, value: string) {
  const input = byTestId<HTMLInputElement>(id)!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("the login screen", () => {
  it("asks for 用户名 and 密码 and logs in with them", async () => {
    const logIn = vi.fn(async () => me);
    const session = await loginScreen(logIn);
    expect(document.body.textContent).toContain("用户名");
    expect(document.body.textContent).toContain("密码");
    type("login-name", "刘洋");
    type("login-password", "secret");
    byTestId("login-submit")!.click();
    await vi.waitFor(() => expect(session.phase).toBe("ready"));
    expect(logIn).toHaveBeenCalledWith("刘洋", "secret");
  });

  it("shows the server's refusal, empties the password and keeps the name", async () => {
    await loginScreen(async () => Promise.reject({ code: "unauthorized", message: "用户名或密码不正确" }));
    type("login-name", "刘洋");
    type("login-password", "wrong");
    byTestId("login-submit")!.click();
    await vi.waitFor(() => {
      flushSync();
      expect(byTestId("error")?.textContent).toBe("用户名或密码不正确");
    });
    expect(byTestId<HTMLInputElement>("login-password")!.value).toBe("");
    expect(byTestId<HTMLInputElement>("login-name")!.value).toBe("刘洋");
  });

  it("asks for both fields before it asks the server", async () => {
    const logIn = vi.fn(async () => me);
    await loginScreen(logIn);
    type("login-name", "刘洋");
    byTestId("login-submit")!.click();
    flushSync();
    expect(byTestId("error")?.textContent).toBe("请填写用户名和密码");
    expect(logIn).not.toHaveBeenCalled();
  });
});
