import { describe, expect, it } from "vitest";
import { CSS_PX_PER_PT, zoomScale } from "./page-scale";
import { loadPreviewSettings, savePreviewSettings } from "./preview-settings";

function memoryStore(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe("the preview's zoom and caret following", () => {
  it("starts fit to width, not following, and keeps what the user chose", () => {
    const store = memoryStore();
    expect(loadPreviewSettings(store)).toEqual({ zoom: "fit", followCaret: false });
    savePreviewSettings(store, { zoom: "150", followCaret: true });
    expect(loadPreviewSettings(store)).toEqual({ zoom: "150", followCaret: true });
  });

  it("reads an entry it cannot understand as the defaults", () => {
    expect(loadPreviewSettings(memoryStore({ "jianbao.preview": "{不是" }))).toEqual({ zoom: "fit", followCaret: false });
    expect(loadPreviewSettings(memoryStore({ "jianbao.preview": '{"zoom":"300"}' })).zoom).toBe("fit");
  });

  it("shows an A4 page at its printed width at 100 % and half as wide again at 150 %", () => {
    const a4WidthPt = 595.28;
    expect(Math.round(a4WidthPt * zoomScale("100", 300, a4WidthPt, 12))).toBe(794);
    expect(zoomScale("150", 300, a4WidthPt, 12)).toBeCloseTo(2 * 1, 5);
    expect(CSS_PX_PER_PT).toBeCloseTo(4 / 3, 5);
    expect(zoomScale("fit", 300, a4WidthPt, 12) * a4WidthPt).toBeCloseTo(276, 5);
  });
});
