import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ArticleLease } from "../../generated/bindings";
import { type LeaseCalls, type LeaseState, LeaseKeeper } from "./lease";

const lease = (holder: string) => ({ articleId: 5, holder, takenAt: "2026-01-01T08:00:00Z", expiresAt: "2026-01-01T08:03:00Z" });
const mine: ArticleLease = { articleId: 5, mine: true, lease: lease("刘洋") };
const held: ArticleLease = { articleId: 5, mine: false, lease: lease("汤建") };

function calls(take: ArticleLease, renewals: (ArticleLease | Error)[] = []) {
  const fake = {
    take: vi.fn(async () => take),
    renew: vi.fn(async () => {
      const next = renewals.shift() ?? mine;
      if (next instanceof Error) throw next;
      return next;
    }),
    release: vi.fn(async () => ({})),
  };
  return fake satisfies LeaseCalls;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("LeaseKeeper", () => {
  it("takes the lease and renews it every 30 seconds while the article is open", async () => {
    const fake = calls(mine);
    const states: LeaseState[] = [];
    const keeper = new LeaseKeeper(5, fake, (state) => states.push(state));
    expect(await keeper.take()).toBe(true);
    expect(fake.take).toHaveBeenCalledWith(5);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(fake.renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.renew).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.renew).toHaveBeenCalledTimes(3);
    expect(states.at(-1)).toEqual({ kind: "mine" });
  });

  it("opens read-only naming the holder when someone else is editing, and sends no heartbeat", async () => {
    const fake = calls(held);
    const states: LeaseState[] = [];
    const keeper = new LeaseKeeper(5, fake, (state) => states.push(state));
    expect(await keeper.take()).toBe(false);
    expect(states).toEqual([{ kind: "held", holder: "汤建" }]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.renew).not.toHaveBeenCalled();
  });

  it("keeps beating through a failed renewal and turns read-only when the lease went to someone else", async () => {
    const fake = calls(mine, [new Error("offline"), held]);
    const states: LeaseState[] = [];
    const keeper = new LeaseKeeper(5, fake, (state) => states.push(state));
    await keeper.take();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(keeper.mine).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(states.at(-1)).toEqual({ kind: "held", holder: "汤建" });
    await vi.advanceTimersByTimeAsync(90_000);
    expect(fake.renew).toHaveBeenCalledTimes(2);
  });

  it("releases a lease it holds on close and stops the heartbeat", async () => {
    const fake = calls(mine);
    const keeper = new LeaseKeeper(5, fake, () => {});
    await keeper.take();
    await keeper.release();
    expect(fake.release).toHaveBeenCalledWith(5);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.renew).not.toHaveBeenCalled();
  });

  it("does not release someone else's lease", async () => {
    const fake = calls(held);
    const keeper = new LeaseKeeper(5, fake, () => {});
    await keeper.take();
    await keeper.release();
    expect(fake.release).not.toHaveBeenCalled();
  });

  it("says why when the lease cannot be taken", async () => {
    const fake = calls(mine);
    fake.take.mockRejectedValueOnce({ code: "unavailable", message: "无法连接办公室服务器" });
    const states: LeaseState[] = [];
    expect(await new LeaseKeeper(5, fake, (state) => states.push(state)).take()).toBe(false);
    expect(states).toEqual([{ kind: "failed", message: "无法连接办公室服务器" }]);
  });
});
