// A caret in the editor as a place in the article's text (part, block, character offset) and
// back: the preview's source map names places so, as the proof findings do. Characters are
// counted as text-place.ts counts them: code points of the settled text, without suggested
// insertions and zero-width anchors.
import type { Node } from "prosemirror-model";
import type { Part } from "../../generated/bindings";
import { blocksOf } from "./text-place";

export type CaretPlace = { part: Part; block: number; offset: number };

const PARTS: Record<string, Part> = { title_line: "title", subtitle: "subtitle", byline: "byline", editor_note: "editorNote" };

/** Whether a character of `child` is text the layout prints (and so counts). */
function counted(child: Node): boolean {
  return child.isText && !child.marks.some((m) => m.type.name === "insertion");
}

/** Calls `each(pos, ch)` for every counted character of `node` (which starts at `pos`). */
function forEachCounted(node: Node, pos: number, each: (at: number, ch: string) => void) {
  node.descendants((child, offset) => {
    if (!counted(child)) return;
    let index = 0;
    for (const ch of child.text ?? "") {
      const at = pos + 1 + offset + index;
      index += ch.length;
      if (ch !== "\u200B") each(at, ch);
    }
  });
}

/** The document position of character `offset` of a place; the end of its text for an
 *  offset at or past the end; `null` when the document has no such part or block. */
export function positionOfPlace(doc: Node, place: CaretPlace): number | null {
  const blocks = blocksOf(doc, place);
  const last = blocks.at(-1);
  if (!last) return null;
  let count = 0;
  let found: number | null = null;
  for (const { node, pos } of blocks) {
    forEachCounted(node, pos, (at) => {
      if (found === null && count === place.offset) found = at;
      count += 1;
    });
    if (found !== null) return found;
  }
  return last.pos + last.node.nodeSize - 1;
}

/** The place of the caret at `pos`: the part and block it is in, and how many counted
 *  characters of that part come before it. `null` in an empty paragraph (no block yet). */
export function placeOfPosition(doc: Node, pos: number): CaretPlace | null {
  let place: CaretPlace | null = null;
  let titleCount = 0;
  let bodyIndex = 0;
  doc.forEach((node, start) => {
    if (place) return;
    const name = node.type.name;
    const inside = pos > start && pos < start + node.nodeSize;
    const isBody = node.type.spec.group === "block" && !(name in PARTS);
    const printed = name === "image" || node.textContent !== "";
    if (inside) {
      const before = countBefore(node, start, pos);
      if (name === "title_line") place = { part: "title", block: 0, offset: titleCount + before };
      else if (name in PARTS) place = { part: PARTS[name]!, block: 0, offset: before };
      else if (isBody && printed) place = { part: "body", block: bodyIndex, offset: before };
      return;
    }
    if (name === "title_line") titleCount += countBefore(node, start, start + node.nodeSize);
    if (isBody && printed) bodyIndex += 1;
  });
  return place;
}

function countBefore(node: Node, start: number, pos: number): number {
  let count = 0;
  forEachCounted(node, start, (at) => {
    if (at < pos) count += 1;
  });
  return count;
}
