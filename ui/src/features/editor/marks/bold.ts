import type { MarkSpec } from "prosemirror-model";

/** Bold: the only emphasis a bulletin uses (`Inline.bold`). Every other formatting pasted
 *  from Word, WPS or a web page has no mark here and is dropped by the parser. */
export const bold: MarkSpec = {
  parseDOM: [
    { tag: "strong" },
    // Google Docs wraps whole pastes in <b style="font-weight:normal">, which is not bold.
    { tag: "b", getAttrs: (dom) => (dom as HTMLElement).style.fontWeight !== "normal" && null },
    { style: "font-weight=400", clearMark: (mark) => mark.type.name === "bold" },
    { style: "font-weight", getAttrs: (value) => /^(bold(er)?|[6-9]\d\d)$/.test(value as string) && null },
  ],
  toDOM: () => ["strong", 0],
};
