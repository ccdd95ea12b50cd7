// Who is working and where: the local database or an office server, the logged-in account,
// and whether the server is reachable. The window shows the login whenever an office server
// has no session for it (at start, after a lapsed session, after 退出登录).
import type { Connection, Me, ServerSignal } from "../../generated/bindings";
import type { SessionStart } from "../../platform/ipc";
import { storedUserName } from "../rounds/rounds";

/** The longest 退出登录 waits for the last save and the article's release. */
const LEAVING_LIMIT_MS = 3000;

export type SessionPhase = "starting" | "login" | "ready";

/** What the session needs of the platform (see platform/types.ts). */
export type SessionPlatform = {
  startSession(): Promise<SessionStart>;
  logIn(name: string, password: string): Promise<Me>;
  logOut(): Promise<void>;
};

export class Session {
  phase = $state<SessionPhase>("starting");
  me = $state<Me | null>(null);
  connection = $state<Connection | null>(null);
  /** Why the login is asked for again (a lapsed session), shown above the form. */
  loginReason = $state<string | null>(null);
  /** Set while the server's change events cannot be received. */
  offline = $state<string | null>(null);
  /** A start that failed (the database cannot be opened): said on the list screen. */
  startError = $state<string | null>(null);

  /** What must reach the server while the login still holds (the last save, the lease). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- nothing shown depends on it
  private readonly leavingTasks = new Set<() => Promise<void>>();

  constructor(private readonly platform: SessionPlatform) {}

  /** Runs `task` before 退出登录 ends the session; answers a function that stops this. */
  beforeLogOut(task: () => Promise<void>): () => void {
    this.leavingTasks.add(task);
    return () => void this.leavingTasks.delete(task);
  }

  /** Office work: roles and leases apply. */
  get office(): boolean {
    return this.me?.office ?? this.connection?.mode !== "local";
  }

  /** The name every action is recorded under: the account's on an office server (which
   *  refuses any other), the one typed once on the single machine. */
  actorName(): string {
    if (this.me?.office) return this.me.name ?? "";
    return storedUserName(localStorage);
  }

  async start() {
    this.phase = "starting";
    try {
      const start = await this.platform.startSession();
      this.connection = start.connection;
      this.me = start.me;
      this.phase = start.me === null ? "login" : "ready";
      this.startError = null;
    } catch (error) {
      // The screens below say what is wrong when they load; nothing is hidden behind a login.
      this.startError = (error as { message: string }).message;
      this.phase = this.connection?.mode === "office" ? "login" : "ready";
    }
  }

  /** Rejects with the server's message (「用户名或密码不正确」) for the form to show. */
  async logIn(name: string, password: string) {
    this.me = await this.platform.logIn(name.trim(), password);
    this.loginReason = null;
    this.offline = null;
    this.phase = "ready";
  }

  async logOut() {
    // A hanging save does not keep the user from logging out; the local draft keeps the text.
    const limit = new Promise<void>((resolve) => setTimeout(resolve, LEAVING_LIMIT_MS));
    await Promise.race([Promise.allSettled([...this.leavingTasks].map((task) => task())), limit]);
    try {
      await this.platform.logOut();
    } finally {
      this.me = null;
      this.loginReason = null;
      this.phase = "login";
    }
  }

  /** Follows the platform's signals: a lapsed session asks for the login again. */
  heard(signal: ServerSignal) {
    switch (signal.kind) {
      case "loggedOut":
        if (!this.office || this.phase === "login") return;
        this.me = null;
        this.loginReason = signal.message;
        this.phase = "login";
        break;
      case "offline":
        this.offline = signal.message;
        break;
      case "online":
        this.offline = null;
        break;
      default:
        break;
    }
  }
}
