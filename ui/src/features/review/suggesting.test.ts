import { describe, expect, it } from "vitest";
import { Fragment, Slice } from "prosemirror-model";
import { EditorState, TextSelection, type Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { articleFromDoc } from "../editor/article-doc";
import { doc, p, title } from "../editor/test-builder";
import {
  acceptAllSuggestions,
  acceptSuggestion,
  rejectSuggestion,
  suggestChanges,
  suggestingDispatch,
  suggestionAuthors,
  suggestionsIn,
  toggleSuggestChanges,
} from "./suggesting";

/** A view-shaped holder of a state, dispatching the way the editor does in suggesting mode. */
function suggestingEditor(d = doc(title("标题"), p("截至十月底"))) {
  const refusals: string[] = [];
  const holder = { state: EditorState.create({ doc: d, plugins: [suggestChanges(), suggestionAuthors(() => "李校对", () => "2026-11-23T10:00:00.000Z")] }) };
  const view = holder as unknown as EditorView;
  const dispatch = suggestingDispatch(() => view, (tr) => (holder.state = holder.state.apply(tr)), (m) => refusals.push(m));
  const run = (tr: Transaction) => dispatch.call(view, tr);
  toggleSuggestChanges(holder.state, run);
  return { holder, run, refusals };
}

// doc(title("标题"), p("截至十月底")): the title spans 0..4, the paragraph's text starts at 5.
describe("suggesting mode", () => {
  it("records typing as an insertion and a deletion as struck text, with the name and time", () => {
    const { holder, run } = suggestingEditor();
    run(holder.state.tr.insertText("10月", 7));
    run(holder.state.tr.delete(10, 12));
    expect(holder.state.doc.textContent).toBe("标题截至10月十月底");
    const signed = { author: "李校对", at: "2026-11-23T10:00:00.000Z" };
    expect(suggestionsIn(holder.state.doc)).toEqual([{ id: 1, inserted: "10月", deleted: "十月", ...signed }]);
    const body = articleFromDoc(holder.state.doc, {}).body[0];
    expect(body).toMatchObject({ content: [{ text: "截至" }, { text: "10月", suggestion: { kind: "insertion" } }, { text: "十月", suggestion: { kind: "deletion" } }, { text: "底" }] });
  });

  it("accepts one suggestion, rejects another, or accepts all", () => {
    const { holder, run } = suggestingEditor();
    run(holder.state.tr.delete(7, 9)); // 十月: suggestion 1
    run(holder.state.tr.insertText("今年", 5)); // suggestion 2, apart from the first
    expect(suggestionsIn(holder.state.doc).map(({ id, inserted, deleted }) => [id, inserted, deleted])).toEqual([
      [2, "今年", ""],
      [1, "", "十月"],
    ]);
    const both = holder.state;
    acceptSuggestion(1)(holder.state, run);
    expect(holder.state.doc.textContent).toBe("标题今年截至底");
    rejectSuggestion(2)(holder.state, run);
    expect(holder.state.doc.textContent).toBe("标题截至底");
    expect(suggestionsIn(holder.state.doc)).toEqual([]);

    holder.state = both;
    acceptAllSuggestions(holder.state, run);
    expect(articleFromDoc(holder.state.doc, {}).body[0]).toEqual({ type: "paragraph", content: [{ text: "今年截至底" }] });
  });

  it("refuses changes the domain cannot keep as suggestions, and says why", () => {
    const { holder, run, refusals } = suggestingEditor(doc(title("标题"), p("截至十月底"), p("第二段")));
    const before = holder.state.doc;
    run(holder.state.tr.insertText("新", 2));
    run(holder.state.tr.split(7));
    run(holder.state.tr.delete(8, 14));
    expect(holder.state.doc.eq(before)).toBe(true);
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toContain("标题");
    expect(refusals[1]).toContain("不能拆分");
    expect(refusals[2]).toContain("一段之内");
  });

  it("types directly once suggesting mode is off", () => {
    const { holder, run } = suggestingEditor();
    toggleSuggestChanges(holder.state, run);
    run(holder.state.tr.insertText("新", 2));
    expect(holder.state.doc.textContent).toBe("标新题截至十月底");
    expect(suggestionsIn(holder.state.doc)).toEqual([]);
  });
});

describe("comment anchors", () => {
  it("move with the text when someone types before them", () => {
    const { schema } = doc().type;
    let state = EditorState.create({ doc: doc(title("标题"), p("截至十月底")) });
    state = state.apply(state.tr.addMark(7, 9, schema.marks.comment!.create({ id: "t1" })));
    state = state.apply(state.tr.insertText("今年", 5));
    const body = articleFromDoc(state.doc, {}).body[0];
    expect(body).toEqual({ type: "paragraph", content: [{ text: "今年截至" }, { text: "十月", comments: ["t1"] }, { text: "底" }] });
  });
});

describe("pasting in suggesting mode", () => {
  it("records a one-line paste as an insertion", () => {
    const { holder, run, refusals } = suggestingEditor();
    const { schema } = holder.state;
    const pasted = new Slice(Fragment.from(schema.nodes.paragraph!.create(null, schema.text("粘贴"))), 1, 1);
    run(holder.state.tr.setSelection(TextSelection.create(holder.state.doc, 7)).replaceSelection(pasted));
    expect(refusals).toEqual([]);
    expect(suggestionsIn(holder.state.doc).map((s) => s.inserted)).toEqual(["粘贴"]);
  });
});
