import type { NodeSpec } from "prosemirror-model";

/** Heading levels of the body (`Block.heading`): 1 `一、`, 2 `（一）`, 3 `1.`; the numbering is
 *  typed as part of the text, as the bulletin prints it. */
export const HEADING_LEVELS = [1, 2, 3] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

export const heading: NodeSpec = {
  attrs: { level: { default: 1 } },
  content: "text*",
  marks: "bold insertion deletion modification comment",
  group: "block",
  defining: true,
  // Above the paragraph's catch-all rules; a pasted h1 (a web page's title) is a level 1.
  parseDOM: [
    ...HEADING_LEVELS.map((level) => ({ tag: `h${level + 1}`, attrs: { level }, priority: 60 })),
    { tag: "h1", attrs: { level: 1 }, priority: 55 },
  ],
  // h2–h4: h1 is the article title.
  toDOM: (node) => [`h${Number(node.attrs.level) + 1}`, { class: "heading" }, 0],
};
