import { describe, expect, it } from "vitest";
import type { IssuePreview, PreviewPage, PreviewRun, PreviewSource } from "../../generated/bindings";
import { lineOfPlace, linkAt } from "./source-map";

/** A run of `text` at 16 pt, one character every 16 pt from `x`, with consecutive offsets
 *  from `start` (or none, for furniture). */
function run(text: string, x: number, baseline: number, source: Omit<PreviewSource, "offsets"> | null, start = 0): PreviewRun {
  const chars = Array.from(text);
  return {
    font: 0,
    sizePt: 16,
    baselineYPt: baseline,
    ink: "black",
    bold: false,
    text,
    xPt: chars.map((_, i) => x + 16 * i),
    source: source && { ...source, offsets: source.part === "masthead" || source.part === "contents" ? [] : chars.map((_, i) => start + i) },
  };
}

const page1: PreviewPage = {
  number: 1,
  rules: [],
  images: [],
  runs: [
    run("简报名", 100, 120, { article: null, part: "masthead", block: 0 }),
    run("●", 80, 200, { article: 1, part: "contents", block: 0 }),
    run("第二篇题目", 100, 200, { article: 1, part: "contents", block: 0 }),
    run("春风化雨", 200, 300, { article: 0, part: "title", block: 0 }),
    run("润物无声", 200, 329, { article: 0, part: "title", block: 0 }, 4),
    run("乡村的路修好了", 112, 387, { article: 0, part: "body", block: 2 }, 2),
    run("— 1 —", 250, 800, null),
  ],
};
const page2: PreviewPage = {
  number: 2,
  rules: [],
  images: [],
  runs: [run("大家都说好。", 80, 100, { article: 0, part: "body", block: 2 }, 9)],
};
const preview = { pages: [page1, page2], articleIds: [41, 42] } as unknown as IssuePreview;
const ids = [41, 42];

describe("a click in the preview", () => {
  it("lands before the character clicked on its left half and after it on its right half", () => {
    // 路 is the fourth character of the line (x 160..176), offset 2 + 3.
    expect(linkAt(page1, 162, 380, ids)).toEqual({ kind: "text", articleId: 41, place: { part: "body", block: 2, offset: 5 } });
    expect(linkAt(page1, 174, 380, ids)).toEqual({ kind: "text", articleId: 41, place: { part: "body", block: 2, offset: 6 } });
  });

  it("counts a title's second line on from its first", () => {
    expect(linkAt(page1, 203, 322, ids)).toEqual({ kind: "text", articleId: 41, place: { part: "title", block: 0, offset: 4 } });
  });

  it("beside a line's end lands after its last character", () => {
    expect(linkAt(page1, 400, 380, ids)).toEqual({ kind: "text", articleId: 41, place: { part: "body", block: 2, offset: 9 } });
  });

  it("on a 要目 entry opens that article at its title", () => {
    expect(linkAt(page1, 84, 194, ids)).toEqual({ kind: "text", articleId: 42, place: { part: "title", block: 0, offset: 0 } });
  });

  it("on the masthead goes to the masthead fields, and between lines or on a page number to nothing", () => {
    expect(linkAt(page1, 110, 114, ids)).toEqual({ kind: "masthead" });
    expect(linkAt(page1, 200, 250, ids)).toBeNull();
    expect(linkAt(page1, 260, 794, ids)).toBeNull();
  });
});

describe("the editor's caret in the preview", () => {
  it("is the line holding the character, also on a later page", () => {
    expect(lineOfPlace(preview, 0, { part: "body", block: 2, offset: 4 })).toMatchObject({ page: 1, top: 387 - 0.88 * 16 });
    expect(lineOfPlace(preview, 0, { part: "body", block: 2, offset: 12 })).toMatchObject({ page: 2, x1: 80, x2: 80 + 16 * 6 });
  });

  it("in a typed indent before the first printed character is the block's first line", () => {
    expect(lineOfPlace(preview, 0, { part: "body", block: 2, offset: 0 })).toMatchObject({ page: 1 });
  });

  it("in a block the preview does not have yet is nowhere", () => {
    expect(lineOfPlace(preview, 0, { part: "body", block: 7, offset: 0 })).toBeNull();
    expect(lineOfPlace(preview, 1, { part: "title", block: 0, offset: 0 })).toBeNull();
  });
});
