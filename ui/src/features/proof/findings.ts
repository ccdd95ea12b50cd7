// How the proof panel arranges findings: by article in print order (masthead and footer
// last), with a count per rule family and a short piece of text around each flagged spot.
import type { FindingView, Part } from "../../generated/bindings";

export type FindingGroup = {
  /** The stored article's id; null for the masthead and footer. */
  articleId: number | null;
  heading: string;
  findings: FindingView[];
};

/** The findings to show, grouped by article; ignored ones only when asked for. */
export function groupFindings(findings: FindingView[], showIgnored: boolean): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const view of findings) {
    if (view.ignored && !showIgnored) continue;
    const index = view.finding.article;
    let group = groups.at(-1);
    if (!group || group.articleId !== view.articleId) {
      const heading = index === null ? "报头与报尾" : `第 ${index + 1} 篇：${view.articleTitle || "（无标题）"}`;
      group = { articleId: view.articleId, heading, findings: [] };
      groups.push(group);
    }
    group.findings.push(view);
  }
  return groups;
}

/** How many findings each family has, in the order the families first occur. */
export function familyCounts(findings: FindingView[]): { family: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const view of findings) counts.set(view.family, (counts.get(view.family) ?? 0) + 1);
  return [...counts].map(([family, count]) => ({ family, count }));
}

const PART_NAMES: Record<Part, string> = {
  title: "标题",
  subtitle: "副题",
  byline: "署名",
  editorNote: "编者按",
  body: "正文",
  attribution: "供稿行",
  masthead: "报头",
  footer: "报尾",
};

/** Where in the article, as the backend names it from the article: `正文第3段` (paragraphs
 *  counted among paragraphs), `第2个小标题`, `标题`. */
export function placeLabel(view: FindingView): string {
  return view.place || PART_NAMES[view.finding.part];
}

/** Longest flagged text shown whole; a long sentence is cut in its middle. */
const LONGEST_FLAGGED = 24;

/** The flagged text with its neighbours, a long flagged sentence shortened. */
export function snippet(view: FindingView): { before: string; flagged: string; after: string } {
  const chars = [...view.finding.text];
  const flagged =
    chars.length <= LONGEST_FLAGGED
      ? view.finding.text
      : `${chars.slice(0, 14).join("")}……${chars.slice(-6).join("")}`;
  const before = view.before === "" ? "" : `…${view.before}`;
  const after = view.after === "" ? "" : `${view.after}…`;
  return { before, flagged, after };
}

/** Why 采用建议 is missing or unavailable, for the button's tooltip. */
export function applyUnavailableReason(view: FindingView): string | null {
  if (view.finding.suggestion === null) return null;
  if (view.applicable) return null;
  return `${PART_NAMES[view.finding.part]}中的问题请直接修改（标题、供稿行、报头、报尾不自动替换）`;
}
