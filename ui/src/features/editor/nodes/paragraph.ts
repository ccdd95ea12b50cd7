import type { NodeSpec } from "prosemirror-model";

/** A body paragraph (`Block.paragraph`). Any foreign block (div, li, Word's p.MsoNormal)
 *  pasted in becomes one, so pasted text keeps its paragraph structure. */
export const paragraph: NodeSpec = {
  content: "text*",
  marks: "bold insertion deletion modification comment",
  group: "block",
  parseDOM: [{ tag: "p" }, { tag: "div" }, { tag: "li" }, { tag: "blockquote" }, { tag: "h5" }, { tag: "h6" }],
  toDOM: () => ["p", 0],
};
