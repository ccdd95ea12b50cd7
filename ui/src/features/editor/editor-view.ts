// Creates the ProseMirror view of one article. Chinese IME input is ProseMirror's own
// composition handling (prosemirror-view/src/input.ts): it reads the DOM the IME wrote once
// `compositionend` arrives, and WebKit's late `compositionend` after Enter is handled there
// too. We must therefore never replace the document from outside while `view.composing`.
import { closeHistory, history } from "prosemirror-history";
import type { Node } from "prosemirror-model";
import { EditorState, type Transaction } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { search } from "prosemirror-search";
import { commentAnchorStyles } from "../review/comment-anchors";
import { suggestChanges, suggestingDispatch, suggestionAuthors } from "../review/suggesting";
import { type EditorShortcuts, editorKeymaps } from "./keymap";
import { cleanPastedHtml } from "./paste";
import { OWN_STEP } from "./commands";

export type ArticleEditorView = EditorView;

/** `author` names whoever types in suggesting mode (the name the app asked for). */
export function createEditorState(doc: Node, shortcuts: EditorShortcuts, author: () => string): EditorState {
  const review = [suggestChanges(), suggestionAuthors(author), commentAnchorStyles()];
  return EditorState.create({ doc, plugins: [...editorKeymaps(shortcuts), history(), search(), ...review] });
}

export type EditorEvents = {
  onDocChange: (doc: Node) => void;
  onSelection: () => void;
  /** A change suggesting mode cannot record, with the reason in Chinese. */
  onRefused: (message: string) => void;
};

export function createEditorView(place: HTMLElement, state: EditorState, events: EditorEvents): EditorView {
  // The change after an own step (a style change) starts a new undo step too.
  let closeNext = false;
  const apply = (tr: Transaction) => {
    if (closeNext && tr.docChanged && !tr.getMeta(OWN_STEP)) {
      closeHistory(tr);
      closeNext = false;
    }
    if (tr.getMeta(OWN_STEP)) closeNext = true;
    view.updateState(view.state.apply(tr));
    if (tr.docChanged) events.onDocChange(view.state.doc);
    events.onSelection();
  };
  const view: EditorView = new EditorView(place, {
    state,
    attributes: { class: "article-doc", spellcheck: "false", lang: "zh-CN", "data-testid": "editor" },
    transformPastedHTML: cleanPastedHtml,
    // In suggesting mode, typing becomes insertion and deletion marks (review/suggesting.ts).
    dispatchTransaction: suggestingDispatch(() => view, apply, events.onRefused),
  });
  return view;
}
