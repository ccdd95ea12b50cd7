import type { MarkSpec } from "prosemirror-model";

/** The anchor of a comment thread on the text (`Inline.comments`). Threads may overlap, so
 *  the mark excludes nothing; it is not inclusive, so typing at its edge is not commented. */
export const comment: MarkSpec = {
  attrs: { id: { validate: "string" } },
  inclusive: false,
  excludes: "",
  toDOM: (mark) => ["span", { class: "comment-anchor", "data-thread": String(mark.attrs.id) }, 0],
  parseDOM: [
    {
      tag: "span.comment-anchor[data-thread]",
      getAttrs: (dom) => ({ id: (dom as HTMLElement).dataset.thread ?? "" }),
    },
  ],
};
