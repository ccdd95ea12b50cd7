import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type SaveState, saveStateLabel } from "./autosave";

function setUp(save: (content: string) => Promise<void>) {
  const states: SaveState["kind"][] = [];
  const drafts: string[] = [];
  let dropped = 0;
  const autosave = new Autosave<string>({
    save,
    onState: (state) => states.push(state.kind),
    keepDraft: (content) => drafts.push(content),
    dropDraft: () => dropped++,
    delayMs: 800,
    retryMs: 3000,
  });
  return { autosave, states, drafts, dropped: () => dropped };
}

describe("autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once, 800 ms after the last of several quick changes", async () => {
    const save = vi.fn(async () => {});
    const { autosave, states, dropped } = setUp(save);
    autosave.change("中");
    await vi.advanceTimersByTimeAsync(500);
    autosave.change("中文");
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledExactlyOnceWith("中文");
    expect(states.at(-1)).toBe("saved");
    expect(dropped()).toBe(1);
  });

  it("keeps a local draft of every change before the backend has it", () => {
    const { autosave, drafts } = setUp(async () => {});
    autosave.change("甲");
    autosave.change("甲乙");
    expect(drafts).toEqual(["甲", "甲乙"]);
  });

  it("flush saves at once (Ctrl+S, closing the window)", async () => {
    const save = vi.fn(async () => {});
    const { autosave } = setUp(save);
    autosave.change("立即");
    await autosave.flush();
    expect(save).toHaveBeenCalledWith("立即");
    expect(autosave.dirty).toBe(false);
  });

  it("keeps the content after a failed save, says why, and retries", async () => {
    const save = vi.fn().mockRejectedValueOnce({ code: "internal", message: "磁盘已满" }).mockResolvedValue(undefined);
    const { autosave, states, dropped } = setUp(save);
    autosave.change("重要的字");
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toBe("failed");
    expect(autosave.dirty).toBe(true);
    expect(dropped()).toBe(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenLastCalledWith("重要的字");
    expect(states.at(-1)).toBe("saved");
  });

  it("never runs two saves at once and saves what changed during a save", async () => {
    let finish: () => void = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { autosave, states } = setUp(save);
    autosave.change("一");
    await vi.advanceTimersByTimeAsync(800);
    autosave.change("一二");
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith("一二");
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe("saved");
  });

  it("labels the states in Chinese", () => {
    expect(saveStateLabel({ kind: "saved" })).toBe("已保存");
    expect(saveStateLabel({ kind: "saving" })).toBe("正在保存…");
    expect(saveStateLabel({ kind: "failed", reason: "磁盘已满" })).toMatch(/^保存失败（磁盘已满）/);
  });
});
