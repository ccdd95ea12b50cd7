// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { undo, undoDepth } from "prosemirror-history";
import { TextSelection } from "prosemirror-state";
import { createEditorState, createEditorView } from "./editor-view";
import { setHeading } from "./commands";
import { doc, h, p, title } from "./test-builder";

const shortcuts = { save: () => {}, exportPdf: () => {}, find: () => {}, undoElsewhere: () => false };

function editor() {
  const state = createEditorState(doc(title("标题"), p("")), shortcuts, () => "编辑");
  const view = createEditorView(document.createElement("div"), state, { onDocChange: () => {}, onSelection: () => {}, onRefused: () => {} });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 5)));
  return view;
}

describe("undo in small steps", () => {
  it("a style change is its own step between typing before and after it, however quick", () => {
    const view = editor();
    view.dispatch(view.state.tr.insertText("一、概况"));
    setHeading(1)(view.state, view.dispatch);
    view.dispatch(view.state.tr.insertText("良好"));
    expect(undoDepth(view.state)).toBe(3);
    undo(view.state, view.dispatch);
    expect(view.state.doc.eq(doc(title("标题"), h(1, "一、概况")))).toBe(true);
    undo(view.state, view.dispatch);
    expect(view.state.doc.eq(doc(title("标题"), p("一、概况")))).toBe(true);
    undo(view.state, view.dispatch);
    expect(view.state.doc.eq(doc(title("标题"), p("")))).toBe(true);
  });
});
