import { describe, expect, it } from "vitest";
import { EditorState, TextSelection, type Command } from "prosemirror-state";
import type { Node } from "prosemirror-model";
import { insertFurniture, insertImage, isHeading, leaveFurniture, setHeading, setParagraph, toggleBold } from "./commands";
import { b, byline, doc, h, img, note, p, subtitle, title } from "./test-builder";

/** State with the text between `from` and `to` selected (positions in the document). */
function stateAt(d: Node, from: number, to = from) {
  const state = EditorState.create({ doc: d });
  return state.apply(state.tr.setSelection(TextSelection.create(d, from, to)));
}

function apply(state: EditorState, command: Command) {
  let next = state;
  const applied = command(state, (tr) => (next = state.apply(tr)));
  return { applied, state: next };
}

// Positions: doc(title("标题")) → title spans 0..4, its text 1..3; the body starts at 4.
describe("editor commands", () => {
  it("turns the paragraph at the cursor into a heading of each level and back", () => {
    let state = stateAt(doc(title("标题"), p("一、总体情况")), 6);
    for (const level of [1, 2, 3] as const) {
      state = apply(state, setHeading(level)).state;
      expect(state.doc.eq(doc(title("标题"), h(level, "一、总体情况")))).toBe(true);
      expect(isHeading(state, level)).toBe(true);
    }
    state = apply(state, setParagraph).state;
    expect(state.doc.eq(doc(title("标题"), p("一、总体情况")))).toBe(true);
  });

  it("does not make a title line a heading", () => {
    expect(apply(stateAt(doc(title("标题"), p("正文")), 2), setHeading(1)).applied).toBe(false);
  });

  it("bolds and unbolds the selection", () => {
    const start = stateAt(doc(title("标题"), p("正文重点")), 7, 9);
    const bolded = apply(start, toggleBold).state;
    expect(bolded.doc.eq(doc(title("标题"), p("正文", b("重点"))))).toBe(true);
    expect(apply(bolded, toggleBold).state.doc.eq(start.doc)).toBe(true);
  });

  it("inserts subtitle, byline and 编者按 in print order whatever the order of the clicks", () => {
    let state = stateAt(doc(title("标题"), p("正文")), 6);
    state = apply(state, insertFurniture("editor_note")).state;
    state = apply(state, insertFurniture("subtitle")).state;
    state = apply(state, insertFurniture("byline")).state;
    expect(state.doc.eq(doc(title("标题"), subtitle(), byline(), note(), p("正文")))).toBe(true);
    expect(state.selection.$from.parent.type.name).toBe("byline");
  });

  it("moves into an existing 编者按 instead of adding a second", () => {
    const state = stateAt(doc(title("标题"), note("按"), p("正文")), 8);
    const after = apply(state, insertFurniture("editor_note")).state;
    expect(after.doc.eq(state.doc)).toBe(true);
    expect(after.selection.$from.parent.type.name).toBe("editor_note");
  });

  it("Enter at the end of the byline goes on to the body", () => {
    const state = stateAt(doc(title("标题"), byline("作者"), p("正文")), 7);
    const after = apply(state, leaveFurniture).state;
    expect(after.doc.eq(state.doc)).toBe(true);
    expect(after.selection.$from.parent.type.name).toBe("paragraph");
  });

  it("inserts a picture after the paragraph at the cursor, ready for its caption", () => {
    const state = stateAt(doc(title("标题"), p("正文"), p("下文")), 6);
    const after = apply(state, insertImage("data:image/png;base64,AA")).state;
    expect(after.doc.eq(doc(title("标题"), p("正文"), img("data:image/png;base64,AA"), p("下文")))).toBe(true);
    expect(after.selection.$from.parent.type.name).toBe("image");
    expect(apply(stateAt(state.doc, 2), insertImage("data:x")).applied).toBe(false);
  });
});
