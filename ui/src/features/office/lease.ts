// The article being edited is checked out on the office server: opening it takes its lease,
// a heartbeat renews it while it is open (the server lets it lapse after three minutes
// without one), and closing or switching gives it up. Someone else's lease opens the article
// read-only, naming them.
import type { ArticleLease } from "../../generated/bindings";

export type LeaseState =
  | { kind: "taking" }
  | { kind: "mine" }
  /** Someone else is editing; `holder` is their name. */
  | { kind: "held"; holder: string }
  /** The lease could not be taken (the server is away): read-only until it can. */
  | { kind: "failed"; message: string };

export type LeaseCalls = {
  take: (articleId: number) => Promise<ArticleLease>;
  renew: (articleId: number) => Promise<ArticleLease>;
  release: (articleId: number) => Promise<unknown>;
};

/** The server's lease lapses after 3 minutes; six heartbeats fit in it. */
export const RENEW_EVERY_MS = 30_000;

export class LeaseKeeper {
  private timer: ReturnType<typeof setInterval> | null = null;
  private state: LeaseState = { kind: "taking" };
  private stopped = false;

  constructor(
    private readonly articleId: number,
    private readonly calls: LeaseCalls,
    private readonly onState: (state: LeaseState) => void,
    private readonly renewEveryMs = RENEW_EVERY_MS,
  ) {}

  get mine(): boolean {
    return this.state.kind === "mine";
  }

  /** Takes the lease (again: when the holder let go); answers whether it is now ours. */
  async take(): Promise<boolean> {
    try {
      this.follow(await this.calls.take(this.articleId));
    } catch (error) {
      this.set({ kind: "failed", message: (error as { message: string }).message });
    }
    return this.mine;
  }

  /** Gives the lease up (closing the article, switching to another, leaving the page). */
  async release(): Promise<void> {
    const wasMine = this.mine;
    this.stopped = true;
    this.stopHeartbeat();
    if (wasMine) await this.calls.release(this.articleId).catch(() => {
      // The lease lapses on its own after three minutes.
    });
  }

  private follow(answer: ArticleLease) {
    if (this.stopped) return;
    if (answer.mine) {
      this.set({ kind: "mine" });
      this.startHeartbeat();
    } else {
      this.stopHeartbeat();
      this.set({ kind: "held", holder: answer.lease?.holder ?? "另一位同事" });
    }
  }

  private startHeartbeat() {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.renew(), this.renewEveryMs);
  }

  private async renew() {
    try {
      this.follow(await this.calls.renew(this.articleId));
    } catch {
      // The server is away for a moment: the next heartbeat tries again, and the lease
      // lasts three minutes, so a short outage does not lose it.
    }
  }

  private stopHeartbeat() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private set(state: LeaseState) {
    this.state = state;
    this.onState(state);
  }
}

/** The line above a read-only article someone else is editing. */
export function heldNotice(holder: string): string {
  return `${holder} 正在编辑`;
}
