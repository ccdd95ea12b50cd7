import { describe, expect, it } from "vitest";
import type { ReplaceReport } from "../../generated/bindings";
import { issueMatchList, issuePosition, stepInIssue } from "./issue-walk";

function report(counts: Record<number, number>): ReplaceReport {
  const articles = Object.entries(counts).map(([id, count]) => ({
    articleId: Number(id),
    title: `第${id}篇`,
    changes: Array.from({ length: count }, () => ({ place: {} as never, before: "", after: "" })),
    baseRevision: 1,
  }));
  return { articles, replaced: 0, left: 0, dryRun: true };
}

const order = [7, 3, 9, 5];
const m = (from: number) => ({ from, to: from + 2, inSuggestion: false });
const here = [m(10), m(30)];

describe("下一处 across the issue", () => {
  // Article 3 is open; the store counts 2 in article 7, 1 in 9, none in 5.
  const list = issueMatchList(order, report({ 7: 2, 3: 1, 9: 1 }), 3, here.length);

  it("lists the articles with matches in reading order, counting the open one live", () => {
    expect(list).toEqual([
      { articleId: 7, count: 2 },
      { articleId: 3, count: 2 },
      { articleId: 9, count: 1 },
    ]);
    expect(issuePosition(list, 3, 1)).toEqual({ k: 4, n: 5 });
    expect(issuePosition(list, 3, -1)).toEqual({ k: 0, n: 5 });
  });

  it("goes to the next match of this article while there is one", () => {
    expect(stepInIssue(list, 3, here, { from: 10, to: 12 }, true)).toEqual({ kind: "here", match: m(30) });
    expect(stepInIssue(list, 3, here, { from: 30, to: 32 }, false)).toEqual({ kind: "here", match: m(10) });
  });

  it("opens the next article with matches after the last one here, and goes round the issue", () => {
    expect(stepInIssue(list, 3, here, { from: 30, to: 32 }, true)).toEqual({ kind: "open", articleId: 9, at: "first" });
    const inLast = issueMatchList(order, report({ 7: 2, 3: 1, 9: 1 }), 9, 1);
    expect(stepInIssue(inLast, 9, [m(4)], { from: 4, to: 6 }, true)).toEqual({ kind: "open", articleId: 7, at: "first" });
  });

  it("goes back into the previous article at its last match", () => {
    expect(stepInIssue(list, 3, here, { from: 10, to: 12 }, false)).toEqual({ kind: "open", articleId: 7, at: "last" });
  });

  it("from an article without matches goes on to the next one in reading order", () => {
    const fromEmpty = issueMatchList(order, report({ 7: 2, 9: 1 }), 3, 0);
    expect(stepInIssue(fromEmpty, 3, [], { from: 1, to: 1 }, true)).toEqual({ kind: "open", articleId: 9, at: "first" });
    expect(stepInIssue(fromEmpty, 3, [], { from: 1, to: 1 }, false)).toEqual({ kind: "open", articleId: 7, at: "last" });
  });

  it("rounds within the article when no other has matches", () => {
    const alone = issueMatchList(order, report({ 3: 2 }), 3, 2);
    expect(stepInIssue(alone, 3, here, { from: 30, to: 32 }, true)).toEqual({ kind: "here", match: m(10) });
    expect(stepInIssue(issueMatchList(order, report({}), 3, 0), 3, [], { from: 0, to: 0 }, true)).toEqual({ kind: "none" });
  });
});
