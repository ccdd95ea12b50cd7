// The masthead fields as typed, and their conversion to what the backend stores. Numbers are
// typed as text so a half-typed value stays in the field instead of being coerced away.
import type { IssueKind, IssueView, MastheadUpdate } from "../../generated/bindings";

export type MastheadForm = { kind: IssueKind; number: string; totalNumber: string; date: string };

export function formOf(issue: IssueView): MastheadForm {
  return { kind: issue.kind, number: String(issue.number), totalNumber: String(issue.totalNumber), date: issue.date };
}

/** The update to store, or the Chinese message saying which field to correct. */
export function parseMasthead(form: MastheadForm): { update: MastheadUpdate } | { error: string } {
  const number = positiveInteger(form.number);
  if (number === undefined) return { error: "期号必须是正整数，例如 13" };
  const totalNumber = positiveInteger(form.totalNumber);
  if (totalNumber === undefined) return { error: "总期号必须是正整数，例如 741" };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) return { error: "请选择出刊日期" };
  return { update: { kind: form.kind, number, totalNumber, date: form.date } };
}

function positiveInteger(text: string): number | undefined {
  // Full-width digits come from Chinese input methods; they mean the same number.
  const ascii = text.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  if (!/^\d+$/.test(ascii)) return undefined;
  const value = Number(ascii);
  return value > 0 && Number.isSafeInteger(value) && value <= 0xffffffff ? value : undefined;
}
