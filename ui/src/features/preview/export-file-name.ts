import type { IssueView } from "../../generated/bindings";

/** `联络动态2025年第13期.pdf`: what the office calls the issue, suggested in the save dialog. */
export function exportFileName(issue: Pick<IssueView, "publicationName" | "year" | "issueLabel">): string {
  const name = `${issue.publicationName}${issue.year}年${issue.issueLabel}`;
  // Characters some file systems refuse become “＿”, so the dialog never rejects the suggestion.
  return `${name.replace(/[\\/:*?"<>|]/g, "＿")}.pdf`;
}
