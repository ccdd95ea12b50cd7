import { describe, expect, it } from "vitest";
import type { ArticleForReview, DraftBlock, Proposal } from "../../generated/bindings";
import {
  changeInContext,
  decideAll,
  decisionKey,
  initialDecisions,
  isFlagged,
  locationLabel,
  reviewedArticles,
  withDecision,
} from "./review";

function block(kind: "title" | "paragraph", text: string): DraftBlock {
  return { role: { kind }, content: [{ text }] };
}

function proposal(id: number, rule: Proposal["rule"], safe: boolean, at: [number, number, number], change: [string, string]): Proposal {
  const [blockIndex, start, end] = at;
  return { id, rule, location: { block: blockIndex, start, end }, before: change[0], after: change[1], message: "", safe };
}

const blocks = [block("title", "调研"), block("paragraph", "为推动落实,组织代表"), block("paragraph", "开展调研:走访十二个站。")];
const article: ArticleForReview = {
  source: "稿件.txt",
  title: "调研",
  imported: {
    draft: { blocks },
    warnings: [],
    proposals: [
      proposal(0, "fullWidthPunctuation", true, [1, 5, 6], [",", "，"]),
      proposal(1, "joinLines", true, [1, 10, 10], ["落实,组织代表⏎开展调研", "落实,组织代表开展调研"]),
      proposal(2, "fullWidthPunctuation", true, [2, 4, 5], [":", "："]),
      proposal(3, "suspiciousCross", false, [2, 7, 8], ["十", "+"]),
    ],
  },
};
const second: ArticleForReview = { ...article, source: "第二篇.txt" };

describe("review decisions", () => {
  it("start with the wording-neutral changes accepted and the flagged ones not", () => {
    const decisions = initialDecisions([article]);
    const sent = reviewedArticles([article], decisions);
    expect(sent[0]?.accepted).toEqual([0, 1, 2]);
  });

  it("send back exactly the ids accepted, per article", () => {
    let decisions = decideAll([article, second], true);
    decisions = withDecision(decisions, decisionKey(0, 2), false);
    decisions = withDecision(decisions, decisionKey(1, 0), false);
    const sent = reviewedArticles([article, second], decisions);
    expect(sent.map((a) => a.accepted)).toEqual([[0, 1, 3], [1, 2, 3]]);
    expect(sent[1]?.source).toBe("第二篇.txt");
    expect(sent[0]?.imported).toBe(article.imported);
  });

  it("reject everything with one click", () => {
    const sent = reviewedArticles([article], decideAll([article], false));
    expect(sent[0]?.accepted).toEqual([]);
  });

  it("tell flagged guesses from fixes", () => {
    expect(article.imported.proposals.map(isFlagged)).toEqual([false, false, false, true]);
  });
});

describe("how a proposal is shown", () => {
  it("puts the change in its sentence", () => {
    const shown = changeInContext(article.imported.proposals[0]!, blocks);
    expect(shown).toEqual({ lead: "为推动落实", removed: ",", inserted: "，", trail: "组织代表" });
  });

  it("shows a joined line as the removed break between the two line ends", () => {
    const shown = changeInContext(article.imported.proposals[1]!, blocks);
    expect(shown).toEqual({ lead: "落实,组织代表", removed: "⏎", inserted: "", trail: "开展调研" });
  });

  it("names the place as the editor counts it", () => {
    expect(locationLabel(article.imported.proposals[2]!, blocks)).toBe("正文第2段");
    expect(locationLabel(proposal(9, "dash", true, [0, 0, 1], ["-", "——"]), blocks)).toBe("标题");
  });
});
