import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServerSignal } from "../generated/bindings";
import { createHttpPlatform } from "./http";

type Call = { url: string; init: RequestInit };

/** A fetch that answers each call with the next of `answers`, recording what was asked. */
function fakeFetch(...answers: (() => Response)[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected call ${url}`);
    return next();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (value: unknown, status = 200) => () =>
  new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json; charset=utf-8" } });

/** A stand-in for the browser's EventSource that the test drives by hand. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  send(type: string, data: string) {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.dispatchEvent(new Event("error"));
  }
}

function platformWith(fetch: typeof globalThis.fetch, download = vi.fn()) {
  const EventSource = FakeEventSource as unknown as new (url: string) => EventSource;
  return createHttpPlatform({ fetch, EventSource, download, reconnectMs: 5 });
}

const me = { name: "刘洋", roles: ["proofreader"], office: true };

afterEach(() => {
  FakeEventSource.opened = [];
  vi.useRealTimers();
});

describe("the HTTP client's commands", () => {
  it("posts the request as JSON to /api/{command} with the session cookie", async () => {
    const { fetch, calls } = fakeFetch(json([{ id: 1 }]));
    const answer = await platformWith(fetch).invoke("get_issue", { id: 7 });
    expect(answer).toEqual([{ id: 1 }]);
    expect(calls[0]!.url).toBe("/api/get_issue");
    expect(calls[0]!.init).toMatchObject({ method: "POST", credentials: "same-origin", body: '{"id":7}' });
    expect((calls[0]!.init.headers as Record<string, string>)["content-type"]).toBe("application/json");
  });

  it("rejects with the server's code and Chinese message", async () => {
    const refusal = { code: "conflict", message: "这篇文章已被汤建改过，您的修改没有保存" };
    const { fetch } = fakeFetch(json(refusal, 409));
    await expect(platformWith(fetch).invoke("list_issues", {})).rejects.toEqual(refusal);
  });

  it("says in Chinese when the server answers without a body it can read", async () => {
    const { fetch } = fakeFetch(() => new Response("Bad Gateway", { status: 502 }));
    const error = await platformWith(fetch).invoke("list_issues", {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "internal" });
    expect((error as { message: string }).message).toContain("HTTP 502");
  });

  it("turns a network failure into an unavailable error that says the text is safe", async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))) as unknown as typeof globalThis.fetch;
    const error = await platformWith(fetch).invoke("list_issues", {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unavailable" });
    expect((error as { message: string }).message).toContain("文字没有丢失");
  });

  it("answers raw bytes as an ArrayBuffer", async () => {
    const { fetch } = fakeFetch(() => new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "application/octet-stream" } }));
    const font = await platformWith(fetch).invoke("preview_font", { key: 2 });
    expect(new Uint8Array(font)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("sends a file as the raw body with its x-jianbao headers", async () => {
    const { fetch, calls } = fakeFetch(json([]));
    const bytes = new Uint8Array([80, 75]);
    await platformWith(fetch).invokeBytes("analyse_import_file", bytes, { "x-jianbao-issue": "3" });
    expect(calls[0]!.init.body).toBe(bytes);
    expect(calls[0]!.init.headers).toEqual({ "x-jianbao-issue": "3", "content-type": "application/octet-stream" });
  });

  it("downloads an exported PDF under the name asked for", async () => {
    const { fetch, calls } = fakeFetch(json({ pdf: btoa("%PDF"), pageCount: 4, warnings: ["页数为单数"] }));
    const download = vi.fn();
    const outcome = await platformWith(fetch, download).exportPdf({ issueId: 1, fileName: "联络动态.pdf", proofRound: 2 });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ issueId: 1, proofRound: 2 });
    expect(new TextDecoder().decode(download.mock.calls[0]![0] as Uint8Array)).toBe("%PDF");
    expect(download.mock.calls[0]![1]).toBe("联络动态.pdf");
    expect(outcome).toEqual({ pageCount: 4, warnings: ["页数为单数"], fileName: "联络动态.pdf" });
  });
});

describe("the HTTP client's session", () => {
  it("finds nobody logged in when whoami is refused, and opens no event stream", async () => {
    const { fetch } = fakeFetch(json({ code: "unauthorized", message: "请先登录" }, 401));
    expect(await platformWith(fetch).startSession()).toEqual({ connection: null, me: null });
    expect(FakeEventSource.opened).toEqual([]);
  });

  it("logs in with name and password and then listens to /api/events", async () => {
    const { fetch, calls } = fakeFetch(json({ token: "t", me }));
    expect(await platformWith(fetch).logIn("刘洋", "secret")).toEqual(me);
    expect(calls[0]!.url).toBe("/api/login");
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ name: "刘洋", password: "secret" });
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(["/api/events"]);
  });

  it("shows the server's message for a wrong password", async () => {
    const { fetch } = fakeFetch(json({ code: "unauthorized", message: "用户名或密码不正确" }, 401));
    await expect(platformWith(fetch).logIn("刘洋", "wrong")).rejects.toEqual({ code: "unauthorized", message: "用户名或密码不正确" });
    expect(FakeEventSource.opened).toEqual([]);
  });

  it("closes the event stream on logout", async () => {
    const { fetch, calls } = fakeFetch(json({ token: "t", me }), json({}));
    const platform = platformWith(fetch);
    await platform.logIn("刘洋", "secret");
    await platform.logOut();
    expect(calls[1]!.url).toBe("/api/logout");
    expect(FakeEventSource.opened[0]!.closed).toBe(true);
  });
});

describe("the HTTP client's events", () => {
  async function listening(...answers: (() => Response)[]) {
    const { fetch } = fakeFetch(json({ token: "t", me }), ...answers);
    const platform = platformWith(fetch);
    const heard: ServerSignal[] = [];
    platform.onSignal((signal) => heard.push(signal));
    await platform.logIn("刘洋", "secret");
    return { heard, source: FakeEventSource.opened[0]! };
  }

  it("passes change events, opening and resets on as signals", async () => {
    const { heard, source } = await listening();
    source.send("open", "");
    source.send("change", JSON.stringify({ seq: 12, kind: "lease", issueId: 1, articleId: 3 }));
    source.send("reset", "40");
    expect(heard).toEqual([
      { kind: "online" },
      { kind: "change", event: { seq: 12, kind: "lease", issueId: 1, articleId: 3 } },
      { kind: "reset" },
    ]);
  });

  it("reports a dropped stream as offline and leaves the retry to the browser", async () => {
    const { heard, source } = await listening();
    source.fail(0);
    expect(heard).toEqual([{ kind: "offline", message: "与服务器的连接已断开，正在重试…" }]);
    expect(source.closed).toBe(false);
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it("reopens a stream the server closed from the last event seen, while still logged in", async () => {
    const { source } = await listening(json(me));
    source.send("change", JSON.stringify({ seq: 41, kind: "comments", issueId: 1 }));
    source.fail(2);
    await vi.waitFor(() => expect(FakeEventSource.opened).toHaveLength(2));
    expect(FakeEventSource.opened[1]!.url).toBe("/api/events?since=41");
  });

  it("says logged out when the server closed the stream because the session lapsed", async () => {
    const { heard, source } = await listening(json({ code: "unauthorized", message: "请先登录" }, 401));
    source.fail(2);
    await vi.waitFor(() => expect(heard.at(-1)?.kind).toBe("loggedOut"));
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});
