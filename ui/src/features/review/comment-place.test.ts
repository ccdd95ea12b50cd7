import { describe, expect, it } from "vitest";
import { docFromArticle } from "../editor/article-doc";
import { anchorOfSelection } from "./comment-place";

const doc = docFromArticle({
  title: ["标题"],
  editorNote: [{ text: "编者的话" }],
  body: [
    { type: "paragraph", content: [{ text: "第一段文字" }] },
    { type: "paragraph", content: [{ text: "第二段有要批注的话" }] },
  ],
});

/** The document position of the `nth` occurrence of `text`. */
function positionOf(text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
  });
  return found;
}

describe("anchorOfSelection", () => {
  it("names the body block and the characters of the selection", () => {
    const from = positionOf("要批注");
    expect(anchorOfSelection(doc, from, from + 3)).toEqual({ part: "body", block: 1, start: 4, end: 7 });
  });

  it("names the 编者按 as its own part", () => {
    const from = positionOf("的话");
    expect(anchorOfSelection(doc, from, from + 2)).toEqual({ part: "editorNote", block: 0, start: 2, end: 4 });
  });

  it("has no place in the title, which takes no comments", () => {
    const from = positionOf("标题");
    expect(anchorOfSelection(doc, from, from + 2)).toBeNull();
  });
});
