// The browser client of the office server: commands are `POST /api/{command}` on the origin
// that served the page (the session is an HttpOnly cookie), change events come from
// `GET /api/events` as server-sent events, and a PDF is downloaded rather than saved to a path.
import type { AppError, ChangeEvent, Me } from "../generated/bindings";
import { DOCX_TYPE, XLSX_TYPE, downloadFile, downloadPdf } from "./download";
import { SignalHub } from "./signals";
import { type BytesCommandName, type CommandName, type Platform, type Request, type Response, isAppError, toAppError } from "./types";

/** What the HTTP client needs of the browser; tests pass fakes. */
export type HttpDeps = {
  fetch: typeof fetch;
  EventSource: new (url: string) => EventSource;
  /** Saves a PDF the server made under `fileName` (a Blob link in the browser). */
  download?: (bytes: Uint8Array, fileName: string) => void;
  /** Saves another file the server made (the statistics workbook). */
  downloadFile?: (bytes: Uint8Array, fileName: string, type: string) => void;
  /** Wait before opening a stream again that the server closed. */
  reconnectMs?: number;
};

const OFFLINE_MESSAGE = "与服务器的连接已断开，正在重试…";
const UNREACHABLE =
  "无法连接办公室服务器。请检查网络，或请管理员确认服务器已启动；您的文字没有丢失，稍后会再试";

export function createHttpPlatform(deps: HttpDeps): Platform {
  const hub = new SignalHub();
  const events = new EventStream(deps, hub, () => whoamiOrNull());

  async function post(path: string, init: { body: BodyInit; headers: Record<string, string> }): Promise<globalThis.Response> {
    try {
      // Giving an article back is sent as the page closes: `keepalive` lets it outlive the page.
      const keepalive = path === "release_lease";
      return await deps.fetch(`/api/${path}`, { method: "POST", credentials: "same-origin", keepalive, ...init });
    } catch {
      throw { code: "unavailable", message: UNREACHABLE } satisfies AppError;
    }
  }

  async function call<T>(path: string, init: { body: BodyInit; headers: Record<string, string> }): Promise<T> {
    const answer = await post(path, init);
    if (!answer.ok) throw await errorOf(answer);
    const type = answer.headers.get("content-type") ?? "";
    // A font or a file comes as raw bytes; everything else is JSON.
    if (type.startsWith("application/octet-stream")) return (await answer.arrayBuffer()) as T;
    try {
      return (await answer.json()) as T;
    } catch (error) {
      throw { code: "internal", message: `服务器的答复无法读取（${String(error)}），请刷新页面后重试` } satisfies AppError;
    }
  }

  const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { "content-type": "application/json" } });

  async function whoamiOrNull(): Promise<Me | null> {
    try {
      return await call<Me>("whoami", json({}));
    } catch (error) {
      if (toAppError(error).code === "unauthorized") return null;
      throw error;
    }
  }

  return {
    desktop: false,
    invoke: <K extends CommandName>(command: K, request: Request<K>) => call<Response<K>>(command, json(request)),
    invokeBytes: <K extends BytesCommandName>(command: K, bytes: Uint8Array, headers: Record<string, string>) =>
      call<Response<K>>(command, { body: bytes as BufferSource, headers: { ...headers, "content-type": "application/octet-stream" } }),
    onSignal: (listener) => hub.listen(listener),
    async startSession() {
      const me = await whoamiOrNull();
      if (me) events.open();
      return { connection: null, me };
    },
    async logIn(name, password) {
      const answer = await call<{ me: Me }>("login", json({ name, password }));
      events.open();
      return answer.me;
    },
    async logOut() {
      events.close();
      await call("logout", json({}));
    },
    async exportPdf({ issueId, fileName, proofRound }) {
      const file = await call<Response<"export_pdf">>("export_pdf", json({ issueId, proofRound }));
      (deps.download ?? downloadPdf)(decodeBase64(file.pdf), fileName);
      return { pageCount: file.pageCount, warnings: file.warnings, fileName };
    },
    async exportDocx({ issueId, fileName, proof }) {
      const file = await call<Response<"export_docx">>("export_docx", json({ issueId, proof }));
      (deps.downloadFile ?? downloadFile)(decodeBase64(file.docx), fileName, DOCX_TYPE);
      return { fileName };
    },
    async saveStatsWorkbook(year) {
      const file = await call<Response<"export_stats_workbook">>("export_stats_workbook", json(year === null ? {} : { year }));
      (deps.downloadFile ?? downloadFile)(decodeBase64(file.xlsx), file.fileName, XLSX_TYPE);
      return file.fileName;
    },
    async openExported() {
      throw { code: "invalidInput", message: "浏览器里不能直接打开文件，请在浏览器的下载列表中打开" } satisfies AppError;
    },
    archive: null,
    getConnection: async () => null,
    async setConnection() {
      throw { code: "invalidInput", message: "浏览器总是连接打开本页面的办公室服务器，不能更改" } satisfies AppError;
    },
  };
}

/** The server's `{code, message}`, or a Chinese message for an answer without one (a proxy's). */
async function errorOf(answer: globalThis.Response): Promise<AppError> {
  try {
    const body: unknown = await answer.json();
    if (isAppError(body)) return toAppError(body);
  } catch {
    // Not JSON: fall through to the status.
  }
  if (answer.status === 401) return { code: "unauthorized", message: "登录已过期，请重新登录" };
  return { code: "internal", message: `服务器出错了（HTTP ${answer.status}），请稍后重试或联系管理员` };
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * `/api/events` while logged in. The browser reconnects a dropped stream by itself (naming the
 * last event it saw); a stream the server refused (a lapsed session) is closed for good, so
 * this asks who is logged in: nobody means logged out, otherwise it opens the stream again
 * from the last event seen.
 */
class EventStream {
  private source: EventSource | null = null;
  private lastSeq: number | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private wanted = false;

  constructor(
    private readonly deps: HttpDeps,
    private readonly hub: SignalHub,
    private readonly whoami: () => Promise<Me | null>,
  ) {}

  open() {
    this.wanted = true;
    if (this.source) return;
    const url = this.lastSeq === null ? "/api/events" : `/api/events?since=${this.lastSeq}`;
    const source = new this.deps.EventSource(url);
    this.source = source;
    source.addEventListener("open", () => this.hub.emit({ kind: "online" }));
    source.addEventListener("change", (event) => this.change(event as MessageEvent<string>));
    source.addEventListener("reset", (event) => {
      const latest = Number((event as MessageEvent<string>).data);
      if (Number.isFinite(latest)) this.lastSeq = latest;
      this.hub.emit({ kind: "reset" });
    });
    source.addEventListener("error", () => void this.failed(source));
  }

  close() {
    this.wanted = false;
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    this.source?.close();
    this.source = null;
  }

  private change(event: MessageEvent<string>) {
    try {
      const change = JSON.parse(event.data) as ChangeEvent;
      this.lastSeq = change.seq;
      this.hub.emit({ kind: "change", event: change });
    } catch {
      // An event this version cannot read: show everything afresh instead.
      this.hub.emit({ kind: "reset" });
    }
  }

  private async failed(source: EventSource) {
    this.hub.emit({ kind: "offline", message: OFFLINE_MESSAGE });
    // CONNECTING: the browser is retrying by itself.
    if (source.readyState !== 2 || source !== this.source) return;
    source.close();
    this.source = null;
    let me: Me | null | undefined;
    try {
      me = await this.whoami();
    } catch {
      me = undefined; // The server is away: try again later.
    }
    if (!this.wanted) return;
    if (me === null) {
      this.wanted = false;
      this.hub.emit({ kind: "loggedOut", message: "登录已过期，请重新登录；未保存的文字已留在本机，登录后会恢复" });
      return;
    }
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.wanted) this.open();
    }, this.deps.reconnectMs ?? 2000);
  }
}
