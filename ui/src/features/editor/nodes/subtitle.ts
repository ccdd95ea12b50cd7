import type { NodeSpec } from "prosemirror-model";

/** The `——…` line under the title (`Article.subtitle`), at most one. */
export const subtitle: NodeSpec = {
  content: "text*",
  marks: "",
  defining: true,
  parseDOM: [{ tag: "p.subtitle", priority: 70 }],
  toDOM: () => ["p", { class: "subtitle" }, 0],
};
