// Dates as a Chinese user reads and types them. The web view's own date input follows the
// system locale and shows 09/02/2025 on an English system; these fields show 2025年9月2日,
// take that or 2025-09-02, and hand the backend its ISO `YYYY-MM-DD`.

const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const NUMERIC = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;

/** The ISO date of what was typed, or `null` when it is not a day that exists. */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const chinese = CHINESE.exec(trimmed);
  const numeric = NUMERIC.exec(trimmed);
  const parts = chinese ? [chinese[1], chinese[2], chinese[3]] : numeric ? [numeric[1], numeric[3], numeric[4]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date rolls 2月30日 over into March; a day that does not exist is refused instead.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `2025年9月2日` for an ISO date, as the masthead prints it; anything else as it is. */
export function formatChineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}
