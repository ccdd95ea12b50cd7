// The preview's source map (every run carries the article, part, block and character offsets
// it was set from, see src-tauri/src/service/preview.rs): a click on a page becomes a place
// in the issue, and the editor's caret becomes a line on a page.
import type { IssuePreview, PreviewPage, SourcePart, PreviewRun, PreviewSource } from "../../generated/bindings";
import type { CaretPlace } from "../editor/caret-place";

/** What a click in the preview leads to. */
export type PreviewLink =
  /** Text of an article: open it with the caret before character `offset` of the place. */
  | { kind: "text"; articleId: number; place: CaretPlace }
  /** The attribution line, edited in the fields under the article. */
  | { kind: "attribution"; articleId: number }
  /** The masthead or the issue's own 编者按, edited in the masthead fields. */
  | { kind: "masthead" }
  /** The 报尾, which comes from the publication's settings. */
  | { kind: "footer" };

/** Where the CJK em box of a run sits around its baseline (the layout's ideographic em box:
 *  its baseline 0.88 em below the top). */
const EM_BOX_TOP = 0.88;

function boxCentre(run: PreviewRun): number {
  return run.baselineYPt - (EM_BOX_TOP - 0.5) * run.sizePt;
}

/** The run under a point, on the line nearest to it within about half a line's pitch; the
 *  glyph nearest in x on that line. */
function hit(page: PreviewPage, xPt: number, yPt: number): { run: PreviewRun; index: number; after: boolean } | null {
  const sourced = page.runs.filter((run) => run.source !== null);
  let line: PreviewRun[] = [];
  let distance = Infinity;
  for (const run of sourced) {
    const d = Math.abs(yPt - boxCentre(run));
    if (d > run.sizePt * 0.9) continue;
    if (d < distance - 0.5) {
      distance = d;
      line = [run];
    } else if (Math.abs(d - distance) <= 0.5) line.push(run);
  }
  let best: { run: PreviewRun; index: number; after: boolean } | null = null;
  let bestGap = Infinity;
  for (const run of line) {
    run.xPt.forEach((left, index) => {
      const right = run.xPt[index + 1] ?? left + run.sizePt;
      const gap = xPt < left ? left - xPt : xPt > right ? xPt - right : 0;
      if (gap < bestGap) {
        bestGap = gap;
        best = { run, index, after: xPt > (left + right) / 2 };
      }
    });
  }
  return best;
}

/** The place under a point of `page`, in points from its top-left corner. */
export function linkAt(page: PreviewPage, xPt: number, yPt: number, articleIds: number[]): PreviewLink | null {
  const found = hit(page, xPt, yPt);
  if (!found) return null;
  const source = found.run.source as PreviewSource;
  const offset = (source.offsets[found.index] ?? 0) + (found.after ? 1 : 0);
  return linkOf(source, offset, articleIds);
}

const ARTICLE_TEXT: SourcePart[] = ["title", "subtitle", "byline", "editorNote", "body"];

function linkOf(source: PreviewSource, offset: number, articleIds: number[]): PreviewLink | null {
  if (source.part === "masthead" || source.part === "issueNote") return { kind: "masthead" };
  if (source.part === "footer") return { kind: "footer" };
  const articleId = source.article === null ? undefined : articleIds[source.article];
  if (articleId === undefined) return null;
  if (source.part === "attribution") return { kind: "attribution", articleId };
  // A 要目 entry leads to its article's title.
  if (source.part === "contents") return { kind: "text", articleId, place: { part: "title", block: 0, offset: 0 } };
  if (!ARTICLE_TEXT.includes(source.part)) return null;
  return { kind: "text", articleId, place: { part: source.part as CaretPlace["part"], block: source.block, offset } };
}

/** A printed line, as a box on its page in points. */
export type LineBox = { page: number; x1: number; x2: number; top: number; bottom: number };

/** The printed line holding character `place.offset` of the article at `articleIndex`: the
 *  run with the last offset at or before it (a space or a typed indent prints no glyph). */
export function lineOfPlace(preview: IssuePreview, articleIndex: number, place: CaretPlace): LineBox | null {
  type Found = { page: PreviewPage; run: PreviewRun; offset: number };
  let before: Found | null = null;
  // Before the first printed character (in a typed indent): the block's first line.
  let first: Found | null = null;
  for (const page of preview.pages) {
    for (const run of page.runs) {
      const s = run.source;
      if (!s || s.article !== articleIndex || s.part !== place.part || s.block !== place.block) continue;
      for (const offset of s.offsets) {
        if (offset <= place.offset && (!before || offset >= before.offset)) before = { page, run, offset };
        if (!first || offset < first.offset) first = { page, run, offset };
      }
    }
  }
  const found = before ?? first;
  return found ? lineBox(found.page, found.run) : null;
}

/** The box of every run on `run`'s baseline. */
function lineBox(page: PreviewPage, run: PreviewRun): LineBox {
  const line = page.runs.filter((other) => Math.abs(other.baselineYPt - run.baselineYPt) < 0.5);
  const x1 = Math.min(...line.map((r) => r.xPt[0] ?? Infinity));
  const x2 = Math.max(...line.map((r) => (r.xPt.at(-1) ?? -Infinity) + r.sizePt));
  const top = run.baselineYPt - EM_BOX_TOP * run.sizePt;
  return { page: page.number, x1, x2, top, bottom: top + run.sizePt };
}
