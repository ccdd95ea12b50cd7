import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Refresher } from "./refresh";

describe("Refresher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits until typing pauses, then refreshes once", async () => {
    const refresh = vi.fn(async () => {});
    const refresher = new Refresher(refresh, 50);
    refresher.request();
    await vi.advanceTimersByTimeAsync(30);
    refresher.request();
    await vi.advanceTimersByTimeAsync(30);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("never runs two refreshes at once, and serves a request made during one", async () => {
    let finish = () => {};
    let running = 0;
    let most = 0;
    const refresh = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          running += 1;
          most = Math.max(most, running);
          finish = () => {
            running -= 1;
            resolve();
          };
        }),
    );
    const refresher = new Refresher(refresh, 10);
    refresher.request();
    await vi.advanceTimersByTimeAsync(10);
    refresher.request();
    await vi.advanceTimersByTimeAsync(10);
    expect(refresh).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(most).toBe(1);
  });

  it("forgets a pending refresh when cancelled", async () => {
    const refresh = vi.fn(async () => {});
    const refresher = new Refresher(refresh, 10);
    refresher.request();
    refresher.cancel();
    await vi.advanceTimersByTimeAsync(50);
    expect(refresh).not.toHaveBeenCalled();
  });
});
