import { describe, expect, it } from "vitest";
import type { SearchHit } from "../../generated/bindings";
import { hitPlace, resultsSummary, snippetPieces } from "./highlight";

function hit(part: SearchHit["part"], first: { start: number; end: number } | null): SearchHit {
  return {
    issueId: 1,
    issueLabel: "2024年第5期",
    totalLabel: "（总第七百零五期）",
    date: "2024-03-04",
    dateLabel: "2024年3月4日",
    articleId: 9,
    articleTitle: "标题",
    part,
    block: 3,
    partLabel: "正文",
    snippet: { text: "代表", highlights: [], first },
    matchingTexts: 1,
  };
}

describe("snippetPieces", () => {
  it("marks each highlight and keeps the text between", () => {
    const pieces = snippetPieces({ text: "县人大常委会视察人大代表之家", highlights: [{ start: 1, end: 3 }, { start: 8, end: 10 }], first: null });
    expect(pieces).toEqual([
      { text: "县", marked: false },
      { text: "人大", marked: true },
      { text: "常委会视察", marked: false },
      { text: "人大", marked: true },
      { text: "代表之家", marked: false },
    ]);
  });

  it("counts a character outside the BMP as one, as Rust does", () => {
    const pieces = snippetPieces({ text: "𠮷祥村代表", highlights: [{ start: 3, end: 5 }], first: null });
    expect(pieces).toEqual([
      { text: "𠮷祥村", marked: false },
      { text: "代表", marked: true },
    ]);
  });
});

describe("hitPlace", () => {
  it("selects the first match in its part and block", () => {
    expect(hitPlace(hit("body", { start: 4, end: 6 }))).toEqual({ part: "body", block: 3, start: 4, end: 6 });
  });

  it("opens the article without a selection for the attribution line", () => {
    expect(hitPlace(hit("attribution", { start: 1, end: 3 }))).toBeNull();
    expect(hitPlace(hit("body", null))).toBeNull();
  });
});

describe("resultsSummary", () => {
  it("says when only the newest are listed", () => {
    expect(resultsSummary(0, 0, "骊珠")).toBe("没有找到含有“骊珠”的文章。");
    expect(resultsSummary(3, 3, "人大")).toBe("找到 3 篇文章含有“人大”。");
    expect(resultsSummary(2500, 100, "人大")).toContain("下面列出最新的 100 篇");
  });
});
