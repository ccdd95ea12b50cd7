// What still waits in an issue before it goes to the signer or is signed off: open proof
// findings, unresolved comments and pending suggestions, counted and said in one line.
import type { IssueCheck, IssueReview } from "../../generated/bindings";

export type OpenItems = { findings: number; comments: number; suggestions: number };

export function openItems(check: IssueCheck, review: IssueReview): OpenItems {
  return {
    findings: check.findings.filter((view) => !view.ignored).length,
    comments: review.openThreads,
    suggestions: review.suggestions.length,
  };
}

export function anyOpen(items: OpenItems): boolean {
  return items.findings + items.comments + items.suggestions > 0;
}

/** `还有 2 处校对问题未处理、1 条批注未解决`; empty when nothing waits. */
export function openItemsLine(items: OpenItems): string {
  const parts = [
    items.findings > 0 ? `${items.findings} 处校对问题未处理` : "",
    items.comments > 0 ? `${items.comments} 条批注未解决` : "",
    items.suggestions > 0 ? `${items.suggestions} 条修改建议未采纳或拒绝` : "",
  ].filter((part) => part !== "");
  return parts.length === 0 ? "" : `还有 ${parts.join("、")}`;
}

/** `2025-09-20` as the masthead prints it: `2025年9月20日`. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
