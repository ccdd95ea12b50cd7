import { describe, expect, it } from "vitest";
import { EditorState } from "prosemirror-state";
import { search, setSearchState } from "prosemirror-search";
import type { Node } from "prosemirror-model";
import { schema } from "../editor/schema";
import { b, doc, p, title } from "../editor/test-builder";
import { allMatches, replaceMatches, searchPattern, searchQuery } from "./find-query";

function stateOf(d: Node, find: string, foldWidth = false) {
  const query = searchQuery({ find, foldWidth });
  const state = EditorState.create({ doc: d, plugins: [search()] });
  return { state: state.apply(setSearchState(state.tr, query)), query };
}

const inserted = (text: string) =>
  schema.text(text, [schema.marks.insertion.create({ id: 1, author: "校对甲", at: "2025-09-01T08:00:00Z" })]);

describe("find in the open article", () => {
  it("matches literally: regexp characters in the query are plain text", () => {
    const { state, query } = stateOf(doc(title("标题"), p("(1) 1.5 和 a+b")), "a+b");
    expect(allMatches(state, query)).toHaveLength(1);
    expect(searchPattern("1.5", false)).toBe("1\\.5");
  });

  it("finds full-width and half-width forms alike only when asked", () => {
    const d = doc(title("标题"), p("甲，乙,丙（Ａ）(A)"));
    expect(allMatches(stateOf(d, ",").state, stateOf(d, ",").query)).toHaveLength(1);
    const folded = stateOf(d, ",", true);
    expect(allMatches(folded.state, folded.query)).toHaveLength(2);
    const wide = stateOf(d, "(A)", true);
    expect(allMatches(wide.state, wide.query)).toHaveLength(2);
  });

  it("matches across a bold boundary inside a paragraph but never across two blocks", () => {
    const d = doc(title("春耕"), p("春耕", b("备耕"), "忙"), p("耕"));
    const across = stateOf(d, "耕备");
    expect(allMatches(across.state, across.query)).toHaveLength(1);
    const blocks = stateOf(d, "忙耕");
    expect(allMatches(blocks.state, blocks.query)).toHaveLength(0);
  });

  it("marks a match touching a suggestion, which replace-all then leaves", () => {
    const d = doc(title("标题"), p("议事会", inserted("议事会")));
    const { state, query } = stateOf(d, "议事会");
    const matches = allMatches(state, query);
    expect(matches.map((m) => m.inSuggestion)).toEqual([false, true]);
    const next = state.apply(replaceMatches(state, "议事厅", matches.filter((m) => !m.inSuggestion)));
    expect(next.doc.textContent).toBe("标题议事厅议事会");
  });

  it("replaces all in one transaction with the marks each match had; `$` stays a dollar sign", () => {
    const { state, query } = stateOf(doc(title("价格"), p("元和", b("元"))), "元");
    const next = state.apply(replaceMatches(state, "$$&", allMatches(state, query)));
    expect(next.doc.eq(doc(title("价格"), p("$$&和", b("$$&"))))).toBe(true);
  });
});
