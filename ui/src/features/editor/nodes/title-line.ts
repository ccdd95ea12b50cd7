import type { NodeSpec } from "prosemirror-model";

/** One line of the article title, as the editor broke it (`Article.title[i]`); the layout
 *  keeps these breaks, so Enter in the title starts another title line. */
export const titleLine: NodeSpec = {
  content: "text*",
  marks: "",
  defining: true,
  parseDOM: [{ tag: "h1.title-line", priority: 70 }],
  toDOM: () => ["h1", { class: "title-line" }, 0],
};
