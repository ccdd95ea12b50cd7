import { describe, expect, it } from "vitest";
import { pageScale, scaledHeight } from "./page-scale";

describe("pageScale", () => {
  it("fits an A4 page into the pane less its gutters", () => {
    const scale = pageScale(280, 595.28, 12);
    expect(scale * 595.28).toBeCloseTo(256, 5);
    expect(scaledHeight(841.89, scale)).toBe(362);
  });

  it("keeps a page visible in a pane squeezed to nothing", () => {
    expect(pageScale(10, 595.28, 12) * 595.28).toBeCloseTo(80, 5);
  });
});
