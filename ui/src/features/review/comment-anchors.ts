// Comment anchors in the document: the `comment` mark carries a thread's id on the text it
// was made on, so ProseMirror moves it with every edit around it. The threads themselves are
// stored by the backend (`add_comment`).
import { suggestChangesKey } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node } from "prosemirror-model";
import { type Command, Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

export type CommentAnchor = { from: number; to: number; text: string };

/** Where each thread is anchored: from its first to its last commented character. */
export function commentAnchors(doc: Node): Map<string, CommentAnchor> {
  const anchors = new Map<string, CommentAnchor>();
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      if (mark.type.name !== "comment") continue;
      const id = String(mark.attrs.id);
      const end = pos + node.nodeSize;
      const known = anchors.get(id);
      if (known) anchors.set(id, { from: known.from, to: end, text: known.text + (node.text ?? "") });
      else anchors.set(id, { from: pos, to: end, text: node.text ?? "" });
    }
  });
  return anchors;
}

/** Whether a comment can start on the selection: text inside the body or the 编者按. */
export function commentableSelection(doc: Node, from: number, to: number): boolean {
  if (from === to) return false;
  let allowed = true;
  doc.nodesBetween(from, to, (node) => {
    if (node.isTextblock && !node.type.allowsMarkType(node.type.schema.marks.comment!)) allowed = false;
  });
  return allowed;
}

/** Anchors thread `id` on the selection. Never a suggestion: a comment is not a change. */
export function addCommentAnchor(id: string): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    if (!commentableSelection(state.doc, from, to)) return false;
    const mark = state.schema.marks.comment!.create({ id });
    dispatch?.(state.tr.addMark(from, to, mark).setMeta(suggestChangesKey, { skip: true }));
    return true;
  };
}

/** Takes thread `id`'s anchor off the text (a comment that could not be stored). */
export function removeCommentAnchor(id: string): Command {
  return (state, dispatch) => {
    const anchor = commentAnchors(state.doc).get(id);
    if (!anchor) return false;
    const mark = state.schema.marks.comment!.create({ id });
    dispatch?.(state.tr.removeMark(anchor.from, anchor.to, mark).setMeta(suggestChangesKey, { skip: true }));
    return true;
  };
}

type AnchorStyles = { resolved: ReadonlySet<string>; active: string | null };

const anchorStylesKey = new PluginKey<AnchorStyles>("comment-anchor-styles");

/** Open threads are highlighted, resolved ones fade and the thread being read stands out,
 *  without touching the text. */
export function commentAnchorStyles(): Plugin<AnchorStyles> {
  return new Plugin<AnchorStyles>({
    key: anchorStylesKey,
    state: {
      init: () => ({ resolved: new Set(), active: null }),
      apply: (tr, value) => tr.getMeta(anchorStylesKey) ?? value,
    },
    props: {
      decorations(state) {
        const { resolved, active } = anchorStylesKey.getState(state)!;
        const decorations: Decoration[] = [];
        for (const [id, anchor] of commentAnchors(state.doc)) {
          const classes = [resolved.has(id) ? "comment-resolved" : "comment-open", id === active ? "comment-active" : ""];
          decorations.push(Decoration.inline(anchor.from, anchor.to, { class: classes.join(" ").trim() }));
        }
        return DecorationSet.create(state.doc, decorations);
      },
    },
  });
}

/** A transaction meta that restyles the anchors. */
export function anchorStylesMeta(styles: AnchorStyles): [PluginKey<AnchorStyles>, AnchorStyles] {
  return [anchorStylesKey, styles];
}
