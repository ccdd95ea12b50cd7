import { describe, expect, it, vi } from "vitest";
import type { IssuePreview } from "../../generated/bindings";
import { PreviewFonts, fontFamily, usedFonts } from "./preview-fonts";

function fakeFace(family: string): FontFace {
  const face = { family } as FontFace & { load: () => Promise<FontFace> };
  face.load = async () => face;
  return face;
}

describe("PreviewFonts", () => {
  it("fetches and registers each font once, however often it is asked for", async () => {
    const fetchFont = vi.fn(async (key: number) => new ArrayBuffer(key + 1));
    const added: string[] = [];
    const fonts = new PreviewFonts(fetchFont, { add: (face) => added.push(face.family) }, fakeFace);
    await Promise.all([fonts.ensure([0, 2]), fonts.ensure([2])]);
    await fonts.ensure([0]);
    expect(fetchFont.mock.calls.map(([key]) => key)).toEqual([0, 2]);
    expect(added).toEqual([fontFamily(0), fontFamily(2)]);
  });

  it("tries a font again after its file could not be fetched", async () => {
    const fetchFont = vi.fn().mockRejectedValueOnce({ code: "cannotOpen", message: "无法读取" });
    fetchFont.mockResolvedValue(new ArrayBuffer(4));
    const fonts = new PreviewFonts(fetchFont, { add: () => {} }, fakeFace);
    await expect(fonts.ensure([1])).rejects.toMatchObject({ message: "无法读取" });
    await fonts.ensure([1]);
    expect(fetchFont).toHaveBeenCalledTimes(2);
  });
});

describe("usedFonts", () => {
  it("lists each font of every page once, in key order", () => {
    const run = (font: number) => ({ font, sizePt: 16, baselineYPt: 1, ink: "black" as const, bold: false, text: "字", xPt: [0], source: null });
    const preview: IssuePreview = {
      pageWidthPt: 595.28,
      pageHeightPt: 841.89,
      redCss: "rgb(255, 51, 51)",
      warnings: [],
      boldStrokeEm: 0.03,
      articleIds: [],
      pages: [
        { number: 1, runs: [run(2), run(0)], rules: [], images: [] },
        { number: 2, runs: [run(2), run(4)], rules: [], images: [] },
      ],
    };
    expect(usedFonts(preview)).toEqual([0, 2, 4]);
  });
});
