import { describe, expect, it } from "vitest";
import type { FindingView } from "../../generated/bindings";
import { applyUnavailableReason, familyCounts, groupFindings, placeLabel, snippet } from "./findings";

function view(overrides: Partial<FindingView> & { article?: number | null; text?: string }): FindingView {
  const { article = 0, text = "，", ...rest } = overrides;
  return {
    finding: {
      rule: "half-width-punctuation",
      article,
      part: "body",
      block: 2,
      start: 4,
      end: 4 + [...text].length,
      text,
      message: "应使用全角标点",
      suggestion: "，",
    },
    articleId: article === null ? null : 100 + article,
    articleTitle: article === null ? "" : `文章${article}`,
    place: "正文第2段",
    family: "标点",
    before: "会议指出",
    after: "要落实",
    applicable: true,
    ignored: null,
    key: `${article}:${text}`,
    ...rest,
  };
}

describe("groupFindings", () => {
  it("groups consecutive findings by article, masthead and footer last", () => {
    const groups = groupFindings([view({ article: 0 }), view({ article: 0 }), view({ article: 1 }), view({ article: null })], false);
    expect(groups.map((g) => [g.articleId, g.heading, g.findings.length])).toEqual([
      [100, "第 1 篇：文章0", 2],
      [101, "第 2 篇：文章1", 1],
      [null, "报头与报尾", 1],
    ]);
  });

  it("leaves ignored findings out unless asked", () => {
    const ignored = view({ article: 1, ignored: { by: "汤建", at: "2025-09-02T08:00:00Z" } });
    expect(groupFindings([view({ article: 0 }), ignored], false).map((g) => g.articleId)).toEqual([100]);
    expect(groupFindings([view({ article: 0 }), ignored], true).map((g) => g.articleId)).toEqual([100, 101]);
  });
});

describe("familyCounts", () => {
  it("counts each family in the order it first occurs", () => {
    const findings = [view({ family: "标点" }), view({ family: "用词" }), view({ family: "标点" })];
    expect(familyCounts(findings)).toEqual([
      { family: "标点", count: 2 },
      { family: "用词", count: 1 },
    ]);
  });
});

describe("snippet", () => {
  it("shows the neighbours with ellipses that say the text goes on", () => {
    expect(snippet(view({}))).toEqual({ before: "…会议指出", flagged: "，", after: "要落实…" });
  });

  it("shortens a long flagged sentence in its middle", () => {
    const long = "一二三四五六七八九十".repeat(4);
    const { flagged } = snippet(view({ text: long, before: "", after: "" }));
    expect(flagged).toBe("一二三四五六七八九十一二三四……五六七八九十");
  });
});

describe("placeLabel and applyUnavailableReason", () => {
  it("shows the place the backend named, else the part", () => {
    expect(placeLabel(view({}))).toBe("正文第2段");
    const title = view({ place: "" });
    title.finding.part = "title";
    expect(placeLabel(title)).toBe("标题");
  });

  it("explains why a suggestion in a title is not applied, and says nothing without one", () => {
    const title = view({ applicable: false });
    title.finding.part = "title";
    expect(applyUnavailableReason(title)).toContain("标题");
    const none = view({ applicable: false });
    none.finding.suggestion = null;
    expect(applyUnavailableReason(none)).toBeNull();
    expect(applyUnavailableReason(view({}))).toBeNull();
  });
});
