// The 用词表 section's form: rows edited in place, each row's message beside it.
import type { RowProblem, WordRow } from "../../generated/bindings";

export function blankRow(): WordRow {
  return { wrong: "", right: "", condition: "", explanation: "" };
}

/** Each refused row's message by its index. */
export function messagesByRow(problems: RowProblem[]): Record<number, string> {
  return Object.fromEntries(problems.map((problem) => [problem.row, problem.message]));
}

/** Whether the rows differ from those stored (fields compared as they will be saved). */
export function rowsChanged(rows: WordRow[], stored: WordRow[]): boolean {
  const trimmed = (list: WordRow[]) =>
    JSON.stringify(list.map((row) => [row.wrong, row.right, row.condition, row.explanation].map((f) => f.trim())));
  return trimmed(rows) !== trimmed(stored);
}

/** Rows left completely empty (an added row never filled in) are not saved. */
export function rowsForSaving(rows: WordRow[]): WordRow[] {
  return rows.filter((row) => [row.wrong, row.right, row.condition, row.explanation].some((f) => f.trim() !== ""));
}
