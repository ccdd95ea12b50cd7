// The review list of 导入往期 as the editor works through it: which rows can be imported,
// what a row that lacks a masthead field still needs, and the choices sent to the import.
import { formatChineseDate } from "../../app/dates";
import type { ArchiveArticle, ArchiveChoice, ArchiveCommit, ArchiveEntry, ArchiveReview, ArchiveStatus, MastheadFill, MissingField } from "../../generated/bindings";

export const STATUS_LABELS: Record<ArchiveStatus, string> = {
  ready: "可导入",
  needsInput: "需补充",
  duplicate: "重复",
  failed: "无法读取",
};

const FIELD_LABELS: Record<MissingField, string> = { number: "期号", totalNumber: "总期号", date: "出刊日期" };

/** One file of the list with what the editor decided and typed. */
export type ReviewRow = {
  entry: ArchiveEntry;
  /** Imported by 导入所选 (only a ready or needs-input row can be). */
  chosen: boolean;
  /** What was typed for the missing fields: numbers as text, the date as ISO (DateField). */
  number: string;
  totalNumber: string;
  date: string;
};

/** Duplicates and unreadable files are shown but never imported. */
export function importable(entry: ArchiveEntry): boolean {
  return entry.status === "ready" || entry.status === "needsInput";
}

export function rowsOf(review: ArchiveReview): ReviewRow[] {
  return review.entries.map((entry) => ({ entry, chosen: importable(entry), number: "", totalNumber: "", date: "" }));
}

/** A count typed as the editor types it: ASCII or full-width digits (an input method's),
 *  from 1 on; `null` for anything else. */
export function parseCount(text: string): number | null {
  const ascii = text.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  if (!/^\d{1,6}$/.test(ascii)) return null;
  const value = Number(ascii);
  return value >= 1 ? value : null;
}

/** The masthead values a row's fields give; a field left empty or mistyped gives none. */
export function fillOf(row: ReviewRow): MastheadFill {
  const fill: MastheadFill = {};
  const missing = row.entry.missing;
  const number = parseCount(row.number);
  const totalNumber = parseCount(row.totalNumber);
  if (missing.includes("number") && number !== null) fill.number = number;
  if (missing.includes("totalNumber") && totalNumber !== null) fill.totalNumber = totalNumber;
  if (missing.includes("date") && row.date !== "") fill.date = row.date;
  return fill;
}

/** What a chosen row still needs before it can be imported, in words; `null` when nothing. */
export function stillNeeded(row: ReviewRow): string | null {
  const fill = fillOf(row);
  const lacking = row.entry.missing.filter((field) => fill[field] === undefined);
  if (lacking.length === 0) return null;
  return `请填写${lacking.map((field) => FIELD_LABELS[field]).join("、")}（期号和总期号写从 1 起的数字），或取消勾选跳过这个文件`;
}

/** The choices 导入所选 sends, and the files that keep it waiting (chosen, still lacking). */
export function choicesOf(rows: ReviewRow[]): { choices: ArchiveChoice[]; waiting: string[] } {
  const chosen = rows.filter((row) => row.chosen && importable(row.entry));
  return {
    choices: chosen.filter((row) => stillNeeded(row) === null).map((row) => ({ file: row.entry.file, fill: fillOf(row) })),
    waiting: chosen.filter((row) => stillNeeded(row) !== null).map((row) => row.entry.file),
  };
}

/** How many rows have each status, for the line above the list. */
export function statusCounts(entries: ArchiveEntry[]): Record<ArchiveStatus, number> {
  const counts: Record<ArchiveStatus, number> = { ready: 0, needsInput: 0, duplicate: 0, failed: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/** 本批共 5 个文件：可导入 2，需补充 1，重复 1，无法读取 1 */
export function countsLine(entries: ArchiveEntry[]): string {
  const counts = statusCounts(entries);
  const parts = (Object.keys(STATUS_LABELS) as ArchiveStatus[]).map((status) => `${STATUS_LABELS[status]} ${counts[status]}`);
  return `共 ${entries.length} 个文件：${parts.join("，")}`;
}

/** The files of the review that the import did not take, with why: those the editor
 *  skipped or could not choose, and those the import refused. */
export function notImported(rows: ReviewRow[], commit: ArchiveCommit): { file: string; reason: string }[] {
  const imported = new Set(commit.imported.map((issue) => issue.file));
  const refused = new Map(commit.failed.map((failure) => [failure.file, failure.message]));
  return rows
    .filter((row) => !imported.has(row.entry.file))
    .map((row) => ({
      file: row.entry.file,
      reason: refused.get(row.entry.file) ?? (importable(row.entry) ? "未勾选，已跳过" : (row.entry.problems[0] ?? STATUS_LABELS[row.entry.status])),
    }));
}

/** What the file's masthead showed, as the list prints it; `null` where it showed nothing. */
export function recognised(entry: ArchiveEntry): { number: string | null; total: string | null; date: string | null; unit: string | null } {
  const masthead = entry.masthead;
  return {
    number: masthead?.number === undefined ? null : `${masthead.supplement ? "增刊" : ""}第${masthead.number}期`,
    total: masthead?.totalNumber === undefined ? null : `总第${masthead.totalNumber}期`,
    date: masthead?.date === undefined ? null : formatChineseDate(masthead.date),
    unit: masthead?.editingUnit ?? null,
  };
}

/** An article's attribution line as printed: （浏阳市人大常委会 供稿） or （摘编自《人民日报》）. */
export function attribution(article: ArchiveArticle): string {
  if (article.source) return `（摘编自${article.source}）`;
  if (article.contributors.length > 0) return `（${article.contributors.join("、")} 供稿）`;
  return "（未注明供稿单位）";
}
