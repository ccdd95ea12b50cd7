// Editing commands the toolbar and the keymap share. Each is a ProseMirror `Command`: it
// answers whether it applies when called without `dispatch`, so the toolbar can disable it.
import { setBlockType, toggleMark } from "prosemirror-commands";
import { closeHistory } from "prosemirror-history";
import type { NodeType } from "prosemirror-model";
import { type Command, TextSelection } from "prosemirror-state";
import type { HeadingLevel } from "./nodes/heading";
import { schema } from "./schema";

/** Marks a transaction that must be an undo step of its own; the editor view also starts a
 *  new step with the transaction after it (see editor-view.ts). */
export const OWN_STEP = "jianbao-own-step";

/** `command` as its own undo step: a style change never merges with the typing before or
 *  after it, however quickly one follows the other. */
export function ownStep(command: Command): Command {
  return (state, dispatch, view) =>
    command(state, dispatch && ((tr) => dispatch(closeHistory(tr).setMeta(OWN_STEP, true))), view);
}

export const toggleBold: Command = ownStep(toggleMark(schema.marks.bold));

export const setParagraph: Command = ownStep(setBlockType(schema.nodes.paragraph));

export function setHeading(level: HeadingLevel): Command {
  return ownStep(setBlockType(schema.nodes.heading, { level }));
}

/** Whether the block around the cursor is a heading of `level` (for the toolbar's state). */
export function isHeading(state: Parameters<Command>[0], level: HeadingLevel): boolean {
  const parent = state.selection.$from.parent;
  return parent.type === schema.nodes.heading && parent.attrs.level === level;
}

/** The article furniture that may appear once, between the title and the body. */
export type Furniture = "subtitle" | "byline" | "editor_note";

/** Adds the subtitle, byline or 编者按 in its fixed place (or moves the cursor into it when
 *  it is there already), so the document always stays in print order. */
export function insertFurniture(name: Furniture): Command {
  return (state, dispatch) => {
    const type = schema.nodes[name] as NodeType;
    const existing = positionOf(state.doc, type);
    if (!dispatch) return true;
    if (existing !== null) {
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, existing + 1)).scrollIntoView());
      return true;
    }
    const at = insertionPoint(state.doc, type);
    const tr = state.tr.insert(at, type.create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView());
    return true;
  };
}

/** Enter at the end of the subtitle, byline or 编者按 goes on to the next block instead of
 *  creating another one (each appears at most once). */
export const leaveFurniture: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const name = $from.parent.type.name;
  if (!empty || !["subtitle", "byline", "editor_note"].includes(name)) return false;
  if ($from.parentOffset !== $from.parent.content.size) return false;
  const next = $from.after();
  if (dispatch) dispatch(state.tr.setSelection(TextSelection.near(state.doc.resolve(next + 1))).scrollIntoView());
  return true;
};

function positionOf(doc: Parameters<Command>[0]["doc"], type: NodeType): number | null {
  let found: number | null = null;
  doc.forEach((node, offset) => {
    if (found === null && node.type === type) found = offset;
  });
  return found;
}

/** Where `type` goes: after the title lines and after any furniture that precedes it. */
function insertionPoint(doc: Parameters<Command>[0]["doc"], type: NodeType): number {
  const order = ["title_line", "subtitle", "byline", "editor_note"];
  const rank = order.indexOf(type.name);
  let at = 0;
  doc.forEach((node, offset) => {
    const nodeRank = order.indexOf(node.type.name);
    if (nodeRank !== -1 && nodeRank < rank) at = offset + node.nodeSize;
  });
  return at;
}

/** Inserts a picture (a `data:` URL) after the body block at the cursor, with an empty
 *  caption to type into. Refused in the title and furniture, which print no pictures. */
export function insertImage(src: string): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.depth !== 1 || !$from.parent.type.isInGroup("block")) return false;
    if (dispatch) {
      const at = $from.after(1);
      const tr = state.tr.insert(at, schema.nodes.image.create({ src }));
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView());
    }
    return true;
  };
}
