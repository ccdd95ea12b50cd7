import { describe, expect, it } from "vitest";
import { schema } from "./schema";
import { doc, p, title } from "./test-builder";
import { rangeOfPlace } from "./text-place";

const inserted = (text: string) => schema.text(text, [schema.marks.insertion!.create({ id: 1, author: "李校对", at: "" })]);

describe("the editor range of a finding", () => {
  it("counts body blocks as the check does, without empty paragraphs", () => {
    const d = doc(title("标题"), p(""), p("截至十月底"), p("其它同志"));
    const range = rangeOfPlace(d, { part: "body", block: 1, start: 0, end: 2 })!;
    expect(d.textBetween(range.from, range.to)).toBe("其它");
  });

  it("skips suggested insertions and zero-width anchors, which the check does not read", () => {
    const d = doc(title("标题"), p("会议", inserted("的的"), "\u200B要求其它"));
    const range = rangeOfPlace(d, { part: "body", block: 0, start: 4, end: 6 })!;
    expect(d.textBetween(range.from, range.to)).toBe("其它");
  });

  it("reads the title lines as one text and counts code points", () => {
    const d = doc(title("会同县：𠀋"), title("其它工作"), p("正文"));
    const range = rangeOfPlace(d, { part: "title", block: 0, start: 5, end: 7 })!;
    expect(d.textBetween(range.from, range.to)).toBe("其它");
  });

  it("finds nothing for a block the document no longer has", () => {
    expect(rangeOfPlace(doc(title("标题"), p("正文")), { part: "body", block: 3, start: 0, end: 1 })).toBeNull();
  });
});
