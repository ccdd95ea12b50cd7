// Where a comment is, for a reader who cannot put the thread's id into the text (someone else
// is editing the article): the stored article's part, block and character range. The server
// places the anchor when the article is next checked out, at the quote's occurrence nearest
// to `start`, so the count only needs to be close.
import type { Node } from "prosemirror-model";
import type { CommentAnchor } from "../../generated/bindings";

/** Top-level nodes that are blocks of the stored body (see article-doc.ts: empty ones are not). */
function isStoredBodyBlock(node: Node): boolean {
  return node.type.spec.group === "block" && (node.type.name === "image" || node.textContent !== "");
}

/** Code points of `node`'s text before `offset`, as Rust counts characters. */
function charsBefore(node: Node, offset: number): number {
  return [...node.textBetween(0, Math.min(offset, node.content.size))].filter((ch) => ch !== "\u200B").length;
}

export function anchorOfSelection(doc: Node, from: number, to: number): CommentAnchor | null {
  let anchor: CommentAnchor | null = null;
  let bodyIndex = 0;
  doc.forEach((node, pos) => {
    if (anchor) return;
    const inside = from >= pos && from <= pos + node.nodeSize;
    if (inside && (node.type.name === "editor_note" || isStoredBodyBlock(node))) {
      const start = charsBefore(node, from - pos - 1);
      const length = [...doc.textBetween(from, to)].filter((ch) => ch !== "\u200B").length;
      const part = node.type.name === "editor_note" ? "editorNote" : "body";
      anchor = { part, block: part === "body" ? bodyIndex : 0, start, end: start + length };
    }
    if (isStoredBodyBlock(node)) bodyIndex += 1;
  });
  return anchor;
}
