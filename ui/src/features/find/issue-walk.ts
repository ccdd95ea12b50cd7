// 下一处 / 上一处 over the whole issue (范围：全期): the issue's matches in reading order, the
// open article's counted live from the editor (it may be ahead of the store), the others'
// from the store's dry run. When this article's matches run out, the walk opens the next
// article that has some, at its first match (or, going back, the previous one at its last).
import type { ReplaceReport } from "../../generated/bindings";
import type { Match } from "./find-query";

export type ArticleMatches = { articleId: number; count: number };

/** Each article with matches, and the open one, in the issue's reading order `order`. */
export function issueMatchList(order: number[], report: ReplaceReport, openId: number, openCount: number): ArticleMatches[] {
  const stored = new Map(report.articles.map((article) => [article.articleId, article.changes.length]));
  return order
    .map((articleId) => ({ articleId, count: articleId === openId ? openCount : (stored.get(articleId) ?? 0) }))
    .filter((article) => article.count > 0 || article.articleId === openId);
}

/** The number of the open article's match `index` (0-based) in the whole list, 1-based, and
 *  the list's total. */
export function issuePosition(list: ArticleMatches[], openId: number, index: number): { k: number; n: number } {
  let before = 0;
  for (const article of list) {
    if (article.articleId === openId) break;
    before += article.count;
  }
  const n = list.reduce((sum, article) => sum + article.count, 0);
  return { k: index >= 0 ? before + index + 1 : 0, n };
}

export type Step =
  /** A match of the open article: select it. */
  | { kind: "here"; match: Match }
  /** Another article: open it and select its first or last match. */
  | { kind: "open"; articleId: number; at: "first" | "last" }
  | { kind: "none" };

/** Where 下一处 (`forward`) or 上一处 goes from the selection `selection` in the open article. */
export function stepInIssue(
  list: ArticleMatches[],
  openId: number,
  matches: Match[],
  selection: { from: number; to: number },
  forward: boolean,
): Step {
  const here = forward
    ? matches.find((m) => m.from >= selection.to)
    : [...matches].reverse().find((m) => m.to <= selection.from);
  if (here) return { kind: "here", match: here };
  const others = list.filter((article) => article.articleId !== openId && article.count > 0);
  if (others.length === 0) {
    // Only this article has matches: round again within it, as the editor's find does.
    const wrapped = forward ? matches[0] : matches.at(-1);
    return wrapped ? { kind: "here", match: wrapped } : { kind: "none" };
  }
  const count = list.length;
  const at = list.findIndex((article) => article.articleId === openId);
  // Round the issue from the open article to the next one with matches, past the end too.
  for (let step = 1; step <= count; step++) {
    const next = list[(((at + (forward ? step : -step)) % count) + count) % count]!;
    if (next.articleId !== openId && next.count > 0) return { kind: "open", articleId: next.articleId, at: forward ? "first" : "last" };
  }
  return { kind: "none" };
}
