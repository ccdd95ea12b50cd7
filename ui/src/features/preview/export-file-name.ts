import type { IssueStatus, IssueView } from "../../generated/bindings";

/**
 * What an export of the issue is: the final PDF (定稿) once signed off, before that a proof
 * (校样) of the issue's round, marked as such, so that no unsigned text passes for the final.
 * The round follows the CLI's `export --proof`: 一校 to 三校 their own, 待签发 the third's,
 * a draft the first's.
 */
export type ExportKind = { final: true; label: string } | { final: false; label: string; proofRound: number };

const PROOF_ROUNDS: Partial<Record<IssueStatus, number>> = {
  firstProof: 1,
  secondProof: 2,
  thirdProof: 3,
  awaitingSignOff: 3,
};

const ROUND_NAMES = ["一校", "二校", "三校"];

export function exportKind(status: IssueStatus): ExportKind {
  if (status === "signedOff") return { final: true, label: "定稿" };
  const proofRound = PROOF_ROUNDS[status] ?? 1;
  return { final: false, label: `${ROUND_NAMES[proofRound - 1]}校样`, proofRound };
}

/**
 * `联络动态2025年第13期（定稿）.pdf`, `…（二校校样）.docx`: what the office calls the issue and
 * what the file is, suggested in the save dialog.
 */
export function exportFileName(
  issue: Pick<IssueView, "publicationName" | "year" | "issueLabel" | "status">,
  extension: "pdf" | "docx" = "pdf",
): string {
  const name = `${issue.publicationName}${issue.year}年${issue.issueLabel}（${exportKind(issue.status).label}）`;
  // Characters some file systems refuse become “＿”, so the dialog never rejects the suggestion.
  return `${name.replace(/[\\/:*?"<>|]/g, "＿")}.${extension}`;
}
