import { describe, expect, it } from "vitest";
import { keepScroll } from "./keep-scroll";

describe("keepScroll", () => {
  it("returns to the same place after the pages were redrawn", async () => {
    const pane = { scrollTop: 900, scrollHeight: 3000, clientHeight: 600 };
    await keepScroll(pane, async () => {
      pane.scrollTop = 0;
    });
    expect(pane.scrollTop).toBe(900);
  });

  it("stops at the new end when the issue lost pages", async () => {
    const pane = { scrollTop: 2400, scrollHeight: 3000, clientHeight: 600 };
    await keepScroll(pane, async () => {
      pane.scrollHeight = 1500;
      pane.scrollTop = 0;
    });
    expect(pane.scrollTop).toBe(900);
  });
});
