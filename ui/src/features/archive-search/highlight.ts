// A search hit's snippet as pieces to show, the matches marked. The offsets count Unicode code
// points, as Rust does; JavaScript strings count UTF-16 units, so the text is split into code
// points first (a character outside the BMP, such as 𠮷, is one point but two units).
import type { SearchHit, Snippet } from "../../generated/bindings";
import type { TextPlace } from "../editor/text-place";

export type SnippetPiece = { text: string; marked: boolean };

export function snippetPieces(snippet: Snippet): SnippetPiece[] {
  const points = Array.from(snippet.text);
  const pieces: SnippetPiece[] = [];
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    if (start > at) pieces.push({ text: points.slice(at, start).join(""), marked: false });
    pieces.push({ text: points.slice(start, end).join(""), marked: true });
    at = end;
  }
  if (at < points.length) pieces.push({ text: points.slice(at).join(""), marked: false });
  return pieces;
}

/** Where the editor selects the match; `null` when the editor has no such text to select
 *  (the attribution line is edited as the article's units, not as text). */
export function hitPlace(hit: SearchHit): TextPlace | null {
  const first = hit.snippet.first;
  if (first === null || hit.part === "attribution") return null;
  return { part: hit.part, block: hit.block, start: first.start, end: first.end };
}

/** `找到 12 篇…`: what the list shows above the hits. */
export function resultsSummary(total: number, shown: number, query: string): string {
  if (total === 0) return `没有找到含有“${query}”的文章。`;
  if (shown < total) return `找到 ${total} 篇文章含有“${query}”，下面列出最新的 ${shown} 篇；可加上年份或供稿单位缩小范围。`;
  return `找到 ${total} 篇文章含有“${query}”。`;
}
