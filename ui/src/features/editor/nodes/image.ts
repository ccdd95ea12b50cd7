import type { NodeSpec } from "prosemirror-model";

/** A picture with its caption (`Block.image`): the caption is the node's editable text, the
 *  picture a `data:` URL attribute, so an issue file carries its pictures with it. */
export const image: NodeSpec = {
  attrs: { src: {} },
  content: "text*",
  marks: "",
  group: "block",
  defining: true,
  isolating: true,
  parseDOM: [
    {
      tag: "figure",
      contentElement: "figcaption",
      getAttrs: (dom) => {
        const src = (dom as HTMLElement).querySelector("img")?.getAttribute("src");
        return src?.startsWith("data:") ? { src } : false;
      },
    },
  ],
  toDOM: (node) => [
    "figure",
    { class: "image" },
    ["img", { src: String(node.attrs.src), alt: "", contenteditable: "false" }],
    ["figcaption", 0],
  ],
};
