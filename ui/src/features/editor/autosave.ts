// Autosave: every change reaches the database within `delayMs` of the last keystroke, saves
// never overlap, a failed save keeps the content and retries, and until the backend confirms,
// the content also sits in a local draft (see draft.ts) so closing the window loses nothing.

export type SaveState =
  | { kind: "saved" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "failed"; reason: string };

export type AutosaveOptions<T> = {
  /** Stores the content; rejects with an error carrying a user-facing `message`. */
  save: (content: T) => Promise<void>;
  /** Called with every state change, for the 已保存 / 正在保存… indicator. */
  onState: (state: SaveState) => void;
  /** Keeps the unsaved content locally (called synchronously on every change). */
  keepDraft?: (content: T) => void;
  /** Forgets the local copy once the backend has confirmed this content. */
  dropDraft?: () => void;
  /** Whether a failed save is worth trying again; a refusal that will not change (a newer
   *  version was saved meanwhile) waits for the user instead. Every failure retries by default. */
  retryable?: (error: unknown) => boolean;
  delayMs?: number;
  retryMs?: number;
};

export class Autosave<T> {
  private pending: { content: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.delayMs = options.delayMs ?? 800;
    this.retryMs = options.retryMs ?? 3000;
  }

  /** Records a change; the save runs `delayMs` after the last one. */
  change(content: T) {
    this.pending = { content };
    this.options.keepDraft?.(content);
    this.options.onState({ kind: "pending" });
    this.schedule(this.delayMs);
  }

  /** Whether some content is not yet confirmed by the backend. */
  get dirty(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Saves now (Ctrl+S, blur, switching articles, closing); resolves when everything
   *  changed so far is stored or the save failed (the retry stays scheduled). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.pending) return;
    const { content } = this.pending;
    this.pending = null;
    this.inFlight = this.store(content);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  /** Forgets what is not yet stored (the user chose another version over it) and its draft. */
  discard() {
    this.clearTimer();
    this.pending = null;
    this.options.dropDraft?.();
    this.options.onState({ kind: "saved" });
  }

  /** Stops timers (when the editor closes, after a final `flush`). */
  dispose() {
    this.clearTimer();
  }

  private async store(content: T) {
    this.options.onState({ kind: "saving" });
    try {
      await this.options.save(content);
    } catch (error) {
      // Never lose text: put the content back unless something newer replaced it, and retry.
      this.pending ??= { content };
      this.options.onState({ kind: "failed", reason: messageOf(error) });
      if (this.options.retryable?.(error) ?? true) this.schedule(this.retryMs);
      return;
    }
    if (this.pending) {
      this.options.onState({ kind: "pending" });
    } else {
      this.options.dropDraft?.();
      this.options.onState({ kind: "saved" });
    }
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function messageOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

/** The indicator's words. */
export function saveStateLabel(state: SaveState): string {
  switch (state.kind) {
    case "saved":
      return "已保存";
    case "pending":
    case "saving":
      return "正在保存…";
    case "failed":
      return `保存失败（${state.reason}），内容仍在编辑器中，稍后自动重试`;
  }
}
