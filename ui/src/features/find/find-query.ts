// 查找与替换 in the open article, on prosemirror-search (which finds, highlights, moves the
// selection and builds replacements). The rules are those of the store-side replace-all
// (src-tauri/src/find): a match stays inside one text block but crosses bold and comment
// marks; a match touching a pending suggestion is found and counted but not replaced; with
// `foldWidth` full-width ASCII forms and the ideographic space match their half-width forms.
import { SearchQuery } from "prosemirror-search";
import type { EditorState, Transaction } from "prosemirror-state";

export type FindSettings = { find: string; foldWidth: boolean };

/** The half-width twin of a full-width ASCII form or the ideographic space, and back. */
function widthTwin(c: string): string | null {
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
  if (code >= 0x21 && code <= 0x7e) return String.fromCodePoint(code + 0xfee0);
  if (c === "\u3000") return " ";
  if (c === " ") return "\u3000";
  return null;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** The pattern matching `text` literally, each character also as its width twin. */
export function searchPattern(text: string, foldWidth: boolean): string {
  return Array.from(text, (c) => {
    const twin = foldWidth ? widthTwin(c) : null;
    return twin ? `[${escapeForRegExp(c)}${escapeForRegExp(twin)}]` : escapeForRegExp(c);
  }).join("");
}

export function searchQuery(settings: FindSettings): SearchQuery {
  return new SearchQuery({
    search: searchPattern(settings.find, settings.foldWidth),
    regexp: true,
    caseSensitive: true,
  });
}

export type Match = { from: number; to: number; inSuggestion: boolean };

const SUGGESTION_MARKS = new Set(["insertion", "deletion"]);

function touchesSuggestion(state: EditorState, from: number, to: number): boolean {
  let touches = false;
  state.doc.nodesBetween(from, to, (node) => {
    if (node.isText && node.marks.some((mark) => SUGGESTION_MARKS.has(mark.type.name))) touches = true;
  });
  return touches;
}

/** Every match in the document, in order. */
export function allMatches(state: EditorState, query: SearchQuery): Match[] {
  const found: Match[] = [];
  if (!query.valid) return found;
  for (let pos = 0; ; ) {
    const result = query.findNext(state, pos);
    if (!result) return found;
    found.push({ from: result.from, to: result.to, inSuggestion: touchesSuggestion(state, result.from, result.to) });
    pos = result.to;
  }
}

/** One transaction replacing `matches` (back to front, so positions stay valid): one undo
 *  step, and in 建议模式 the suggestion plugin turns it into suggestions. */
export function replaceMatches(state: EditorState, replacement: string, matches: Match[]): Transaction {
  const tr = state.tr;
  for (const { from, to } of [...matches].reverse()) {
    // The marks the whole match shares, as prosemirror-search's own replace does; its
    // replacement string is not used, as it reads `$&` and `$1` as placeholders (and drops
    // a leading `$$`), while the user's `$` is a plain character.
    const marks = state.doc.resolve(from).marksAcross(state.doc.resolve(to)) ?? [];
    if (replacement === "") tr.delete(from, to);
    else tr.replaceWith(from, to, state.schema.text(replacement, marks));
  }
  return tr.scrollIntoView();
}

/** Which match (0-based) the selection is exactly on; -1 when none. */
export function currentIndex(matches: Match[], selection: { from: number; to: number }): number {
  const exact = matches.findIndex((m) => m.from === selection.from && m.to === selection.to);
  return exact;
}
