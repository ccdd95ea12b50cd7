// Creates the ProseMirror view of one article. Chinese IME input is ProseMirror's own
// composition handling (prosemirror-view/src/input.ts): it reads the DOM the IME wrote once
// `compositionend` arrives, and WebKit's late `compositionend` after Enter is handled there
// too. We must therefore never replace the document from outside while `view.composing`.
import { history } from "prosemirror-history";
import type { Node } from "prosemirror-model";
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { type EditorShortcuts, editorKeymaps } from "./keymap";
import { cleanPastedHtml } from "./paste";

export type ArticleEditorView = EditorView;

export function createEditorState(doc: Node, shortcuts: EditorShortcuts): EditorState {
  return EditorState.create({ doc, plugins: [...editorKeymaps(shortcuts), history()] });
}

export function createEditorView(
  place: HTMLElement,
  state: EditorState,
  onDocChange: (doc: Node) => void,
  onSelection: () => void,
): EditorView {
  const view: EditorView = new EditorView(place, {
    state,
    attributes: { class: "article-doc", spellcheck: "false", lang: "zh-CN", "data-testid": "editor" },
    transformPastedHTML: cleanPastedHtml,
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) onDocChange(view.state.doc);
      onSelection();
    },
  });
  return view;
}
