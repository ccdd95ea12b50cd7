import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type SaveState } from "./autosave";

// A save refused because someone saved a newer version must not retry (it would be refused
// again every few seconds) nor drop the text: it waits for the user's choice.
describe("autosave after a refusal that will not change", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const conflict = { code: "conflict", message: "这篇文章已被汤建保存了新的版本" };

  function setUp() {
    const save = vi.fn(async () => Promise.reject(conflict));
    const states: SaveState[] = [];
    let dropped = 0;
    const autosave = new Autosave<string>({
      save,
      onState: (state) => states.push(state),
      dropDraft: () => dropped++,
      retryable: (error) => (error as { code: string }).code !== "conflict",
    });
    return { autosave, save, states, dropped: () => dropped };
  }

  it("keeps the text and its draft and does not try again by itself", async () => {
    const { autosave, save, states, dropped } = setUp();
    autosave.change("我的修改");
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toEqual({ kind: "failed", reason: conflict.message });
    expect(autosave.dirty).toBe(true);
    expect(dropped()).toBe(0);
  });

  it("forgets the refused text once the user loads the newer version", async () => {
    const { autosave, save, states, dropped } = setUp();
    autosave.change("我的修改");
    await autosave.flush();
    autosave.discard();
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.dirty).toBe(false);
    expect(dropped()).toBe(1);
    expect(states.at(-1)).toEqual({ kind: "saved" });
  });
});
