// Suggesting mode (track changes) on top of @handlewithcare/prosemirror-suggest-changes: the
// library turns typing into insertion and deletion marks; this module adds who and when,
// keeps suggestions to what the domain can store (text inside one body paragraph, heading or
// 编者按), and lists the suggestions for the review panel.
import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
  suggestChangesKey,
  withSuggestChanges,
} from "@handlewithcare/prosemirror-suggest-changes";
import type { Mark, Node } from "prosemirror-model";
import { type Command, type EditorState, Plugin, type Transaction } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import type { EditorView } from "prosemirror-view";

export { isSuggestChangesEnabled, suggestChanges, toggleSuggestChanges } from "@handlewithcare/prosemirror-suggest-changes";

/** Blocks whose text can carry a suggestion (see the schema's node `marks`). */
const SUGGESTABLE = new Set(["paragraph", "heading", "editor_note"]);

/** One suggestion: what it inserts, what it deletes, or both (a replacement: the library
 *  gives a deletion next to an insertion the same id). */
export type SuggestionItem = {
  id: number;
  inserted: string;
  deleted: string;
  author: string;
  at: string;
};

/** Why a change cannot be suggested, or null when it can. */
export function refusalOf(tr: Transaction): string | null {
  if (!tr.docChanged || "skip" in (tr.getMeta(suggestChangesKey) ?? {})) return null;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    if (!(step instanceof ReplaceStep)) return "建议模式下只能修改文字，格式和段落样式请退出建议模式后再改，或用批注提出";
    const doc = tr.docs[i]!;
    const $from = doc.resolve(step.from);
    const $to = doc.resolve(step.to);
    if (!SUGGESTABLE.has($from.parent.type.name)) {
      return "标题、副题、署名和图片说明不能在建议模式下修改，请选中后用批注提出";
    }
    if (!$from.sameParent($to) || step.slice.openStart > 0 || step.slice.content.childCount > 1 || !step.slice.content.firstChild?.isText && step.slice.size > 0) {
      return "建议模式下一次只能修改一段之内的文字，不能拆分、合并或增删段落；请分段修改，或用批注提出";
    }
  }
  return null;
}

/** The view's dispatch in suggesting mode: refused changes never reach the document. */
export function suggestingDispatch(view: () => EditorView, apply: (tr: Transaction) => void, onRefused: (message: string) => void) {
  const tracked = withSuggestChanges(apply);
  return function dispatch(this: EditorView, tr: Transaction) {
    const current = view();
    const suggesting = suggestChangesKey.getState(current.state)?.enabled === true;
    const refusal = suggesting && !tr.getMeta("history$") ? refusalOf(tr) : null;
    if (refusal) onRefused(refusal);
    else tracked.call(current, tr);
  };
}

/** Puts the suggester's name and the time on marks the library created with an id only.
 *  Runs of a suggestion that already has a name keep that name and time. */
export function suggestionAuthors(author: () => string, now: () => string = () => new Date().toISOString()): Plugin {
  return new Plugin({
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const known = knownAuthors(state.doc);
      let fill: Transaction | null = null;
      state.doc.descendants((node, pos) => {
        for (const mark of node.isText ? node.marks : []) {
          if (!isSuggestionMark(mark) || mark.attrs.author !== "") continue;
          const signed = known.get(`${mark.type.name}:${mark.attrs.id}`) ?? { author: author() || "未署名", at: now() };
          fill ??= state.tr.setMeta(suggestChangesKey, { skip: true });
          fill.addMark(pos, pos + node.nodeSize, mark.type.create({ ...mark.attrs, ...signed }));
        }
      });
      return fill;
    },
  });
}

function knownAuthors(doc: Node): Map<string, { author: string; at: string }> {
  const known = new Map<string, { author: string; at: string }>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (isSuggestionMark(mark) && mark.attrs.author !== "") {
        known.set(`${mark.type.name}:${mark.attrs.id}`, { author: mark.attrs.author, at: mark.attrs.at });
      }
    }
  });
  return known;
}

function isSuggestionMark(mark: Mark): boolean {
  return mark.type.name === "insertion" || mark.type.name === "deletion";
}

/** The suggestions in the document, in reading order, runs of one suggestion joined. */
export function suggestionsIn(doc: Node): SuggestionItem[] {
  const items: SuggestionItem[] = [];
  doc.descendants((node) => {
    const mark = node.isText ? node.marks.find(isSuggestionMark) : undefined;
    if (!mark) return;
    const id = Number(mark.attrs.id);
    let item = items.find((known) => known.id === id);
    if (!item) {
      item = { id, inserted: "", deleted: "", author: mark.attrs.author, at: mark.attrs.at };
      items.push(item);
    }
    const text = (node.text ?? "").replaceAll("\u200B", "");
    if (mark.type.name === "insertion") item.inserted += text;
    else item.deleted += text;
  });
  return items;
}

export const acceptSuggestion = (id: number): Command => applySuggestion(id);
export const rejectSuggestion = (id: number): Command => revertSuggestion(id);
export const acceptAllSuggestions: Command = applySuggestions;
export const rejectAllSuggestions: Command = revertSuggestions;

/** Whether the state has suggestions at all (accept/reject all are offered then). */
export function hasSuggestions(state: EditorState): boolean {
  return suggestionsIn(state.doc).length > 0;
}
