import { describe, expect, it } from "vitest";
import { placeOfPosition, positionOfPlace } from "./caret-place";
import { schema } from "./schema";
import { b, doc, h, note, p, title } from "./test-builder";

const inserted = (text: string) => schema.text(text, [schema.marks.insertion!.create({ id: 1, author: "审稿人", at: "" })]);

/** The document position just before the first `text` in `d`. */
function before(d: ReturnType<typeof doc>, text: string): number {
  let found = -1;
  d.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
  });
  return found;
}

describe("a caret as a place in the article's text", () => {
  const d = doc(title("春耕时节"), title("田间忙"), note("按语在此。"), h(1, "一、概况"), p(""), p("农机", b("下地"), "了。"));

  it("counts title lines as one text", () => {
    expect(placeOfPosition(d, before(d, "间"))).toEqual({ part: "title", block: 0, offset: 5 });
  });

  it("numbers body blocks without the empty paragraphs the layout leaves out", () => {
    expect(placeOfPosition(d, before(d, "了"))).toEqual({ part: "body", block: 1, offset: 4 });
    expect(placeOfPosition(d, before(d, "概"))).toEqual({ part: "body", block: 0, offset: 2 });
    expect(placeOfPosition(d, before(d, "在"))).toEqual({ part: "editorNote", block: 0, offset: 2 });
  });

  it("leaves suggested insertions and zero-width anchors uncounted, as the print leaves them out", () => {
    const marked = doc(title("题"), p("会议", inserted("临时"), "\u200B决定"));
    expect(placeOfPosition(marked, before(marked, "决"))).toEqual({ part: "body", block: 0, offset: 2 });
    expect(positionOfPlace(marked, { part: "body", block: 0, offset: 2 })).toBe(before(marked, "决"));
  });

  it("finds the position of a place, also at the end of its text, and nothing where no block is", () => {
    expect(positionOfPlace(d, { part: "title", block: 0, offset: 5 })).toBe(before(d, "间"));
    expect(positionOfPlace(d, { part: "body", block: 1, offset: 4 })).toBe(before(d, "了"));
    const end = positionOfPlace(d, { part: "body", block: 1, offset: 6 })!;
    expect(d.textBetween(before(d, "了"), end)).toBe("了。");
    expect(positionOfPlace(d, { part: "body", block: 5, offset: 0 })).toBeNull();
  });

  it("gives the place before every character back where it was found", () => {
    for (let pos = 1; pos < d.content.size; pos++) {
      const place = placeOfPosition(d, pos);
      // At the end of a title line the place is also the start of the next one.
      if (!place || d.textBetween(pos, Math.min(pos + 1, d.content.size)) === "") continue;
      expect(positionOfPlace(d, place), `position ${pos}`).toBe(pos);
    }
  });
});
