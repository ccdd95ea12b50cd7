import type { NodeSpec } from "prosemirror-model";

/** The authors printed centred under the title (`Article.byline`), at most one. */
export const byline: NodeSpec = {
  content: "text*",
  marks: "",
  defining: true,
  parseDOM: [{ tag: "p.byline", priority: 70 }],
  toDOM: () => ["p", { class: "byline" }, 0],
};
