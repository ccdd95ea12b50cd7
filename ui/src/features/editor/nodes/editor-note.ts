import type { NodeSpec } from "prosemirror-model";

/** 编者按 (`Article.editorNote`): printed before the body after a 【编者按】 label, which the
 *  layout adds, so the label is shown by CSS and never typed. */
export const editorNote: NodeSpec = {
  content: "text*",
  marks: "bold insertion deletion modification comment",
  defining: true,
  parseDOM: [{ tag: "p.editor-note", priority: 70 }],
  toDOM: () => ["p", { class: "editor-note" }, 0],
};
