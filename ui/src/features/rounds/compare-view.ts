// What the 轮次对照 tab offers and shows: the rounds the issue has entered, which pair to
// compare first, and each changed paragraph cut down to its edits with a little context.
import type { InlineEdit, IssueRounds, IssueStatus, LineChange, RoundComparison } from "../../generated/bindings";
import { shortTimeLabel, statusLabel } from "./history";

/** A round to compare: `value` is how the backend names it (`一校`, `当前`). */
export type RoundOption = { value: string; label: string };

export const CURRENT: RoundOption = { value: "当前", label: "当前" };

/** The statuses that keep the text as it entered them, in the order of the way to print. */
const ROUNDS_WITH_TEXT: IssueStatus[] = ["firstProof", "secondProof", "thirdProof", "awaitingSignOff", "signedOff"];

/** Each round the issue has entered, with when it last entered it, then 当前. */
export function roundOptions(rounds: IssueRounds, timeZone?: string): RoundOption[] {
  const entered = ROUNDS_WITH_TEXT.flatMap((status) => {
    const last = [...rounds.history].reverse().find((change) => change.to === status);
    return last ? [{ value: statusLabel(status), label: `${statusLabel(status)}（${shortTimeLabel(last.changedAt, timeZone)}）` }] : [];
  });
  return [...entered, CURRENT];
}

/**
 * The round before the one the issue is in, so that the first view shows what the last
 * round changed; the issue's own round when it has entered no earlier one. A draft sent back
 * compares from the furthest round it reached.
 */
export function defaultFrom(options: RoundOption[], status: IssueStatus): string | null {
  const rounds = options.filter((option) => option !== CURRENT);
  const rank = (value: string) => ROUNDS_WITH_TEXT.findIndex((s) => statusLabel(s) === value);
  const current = status === "draft" ? ROUNDS_WITH_TEXT.length : ROUNDS_WITH_TEXT.indexOf(status);
  const earlier = rounds.filter((option) => rank(option.value) < current);
  return (earlier.at(-1) ?? rounds.find((option) => rank(option.value) === current))?.value ?? null;
}

export function nothingChanged(comparison: RoundComparison): boolean {
  return comparison.articles.every((article) => article.change === "unchanged");
}

/** A kept run longer than this is cut to its ends around “…”. */
const CONTEXT = 12;

/**
 * The line's edits with long kept runs shortened: the ends of the line keep the characters next
 * to an edit, a run between two edits keeps both of its ends.
 */
export function trimmedEdits(edits: InlineEdit[], context = CONTEXT): InlineEdit[] {
  return edits.map((edit, index) => {
    const chars = Array.from(edit.text);
    if (edit.kind !== "kept" || chars.length <= 2 * context) return edit;
    const first = index === 0;
    const last = index === edits.length - 1;
    const head = first ? "" : chars.slice(0, context).join("");
    const tail = last ? "" : chars.slice(-context).join("");
    return { kind: "kept", text: `${head}…${tail}` };
  });
}

/** Where a “…” belongs between two changed lines: there are unchanged lines between them. */
export function gapBefore(lines: LineChange[], index: number): boolean {
  if (index === 0) return false;
  const [previous, line] = [lines[index - 1], lines[index]];
  if (previous === undefined || line === undefined) return false;
  const step = (a: number | null, b: number | null) => a !== null && b !== null && b - a > 1;
  return step(previous.newLine, line.newLine) || step(previous.oldLine, line.oldLine);
}
