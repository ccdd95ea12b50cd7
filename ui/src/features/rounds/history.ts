// The rounds' history as the user reads it: stored UTC times shown on the local clock.
import type { IssueStatus, StatusChange } from "../../generated/bindings";

/**
 * `2026年11月23日 18:05` in `timeZone`, the computer's own when left out (the revision
 * history's pattern); the stored text if it cannot be read.
 */
export function localTimeLabel(rfc3339: string, timeZone?: string): string {
  const at = new Date(rfc3339);
  if (Number.isNaN(at.getTime())) return rfc3339;
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}年${part("month")}月${part("day")}日 ${part("hour")}:${part("minute")}`;
}

/** `11月23日 18:05`: short enough for a round's name in a menu. */
export function shortTimeLabel(rfc3339: string, timeZone?: string): string {
  return localTimeLabel(rfc3339, timeZone).replace(/^\d+年/, "");
}

/** `2025-09-05` (a calendar date, no zone) as `2025年9月5日`. */
export function dateLabel(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

const STATUS_LABELS: Record<IssueStatus, string> = {
  draft: "草稿",
  firstProof: "一校",
  secondProof: "二校",
  thirdProof: "三校",
  awaitingSignOff: "待签发",
  signedOff: "已签发",
};

export function statusLabel(status: IssueStatus): string {
  return STATUS_LABELS[status];
}

/** The time, from → to, who, the sign-off date and the note, as the CLI's `status` prints them. */
export function historyLine(change: StatusChange, timeZone?: string): string {
  const parts = [
    localTimeLabel(change.changedAt, timeZone),
    `${statusLabel(change.from)} → ${statusLabel(change.to)}`,
    change.changedBy,
  ];
  if (change.signOffDate) parts.push(`签发日期 ${dateLabel(change.signOffDate)}`);
  if (change.note !== "") parts.push(change.note);
  return parts.join("\u3000");
}
