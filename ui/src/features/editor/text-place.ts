// Where a proof finding points (part, block, character range in the text the check read)
// as a range of the editor's document. The check reads the settled text: empty body blocks
// are not blocks (see article-doc.ts), suggested insertions and the library's zero-width
// anchors are not text; characters are counted as code points, as Rust counts them.
import type { Node } from "prosemirror-model";
import type { Finding } from "../../generated/bindings";

export type TextPlace = Pick<Finding, "part" | "block" | "start" | "end">;

export function rangeOfPlace(doc: Node, place: TextPlace): { from: number; to: number } | null {
  const blocks = blocksOf(doc, place);
  if (blocks.length === 0) return null;
  let from: number | null = null;
  let counted = 0;
  for (const { node, pos } of blocks) {
    let found: number | null = null;
    node.descendants((child, offset) => {
      if (found !== null || !child.isText || child.marks.some((m) => m.type.name === "insertion")) return;
      let index = 0;
      for (const ch of child.text ?? "") {
        const at = pos + 1 + offset + index;
        index += ch.length;
        if (ch === "\u200B") continue;
        if (counted === place.start && from === null) from = at;
        counted += 1;
        if (counted === place.end && from !== null) {
          found = at + ch.length;
          return;
        }
      }
    });
    if (found !== null) return { from: from!, to: found };
  }
  return null;
}

/** The nodes whose text, one after another, is the text the finding's part and block name. */
export function blocksOf(doc: Node, place: Pick<TextPlace, "part" | "block">): { node: Node; pos: number }[] {
  const parts: { node: Node; pos: number }[] = [];
  const body: { node: Node; pos: number }[] = [];
  doc.forEach((node, pos) => {
    const name = node.type.name;
    if (name === "title_line" && place.part === "title") parts.push({ node, pos });
    else if (name === "subtitle" && place.part === "subtitle") parts.push({ node, pos });
    else if (name === "byline" && place.part === "byline") parts.push({ node, pos });
    else if (name === "editor_note" && place.part === "editorNote") parts.push({ node, pos });
    else if (node.type.spec.group === "block" && (name === "image" || node.textContent !== "")) body.push({ node, pos });
  });
  if (place.part !== "body") return parts;
  const block = body[place.block];
  return block ? [block] : [];
}
