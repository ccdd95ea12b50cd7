import { baseKeymap, chainCommands } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import type { Command, Plugin } from "prosemirror-state";
import { leaveFurniture, setHeading, setParagraph, toggleBold } from "./commands";

/** What the app does outside the document when a shortcut asks for it. `undoElsewhere`
 *  takes back a step made outside this document's history (a replace-all across the issue)
 *  when the document has nothing left to undo; it answers whether there was one. */
export type EditorShortcuts = {
  save: () => void;
  exportPdf: () => void;
  find: (replacing: boolean) => void;
  undoElsewhere: () => boolean;
};

function run(action: () => void): Command {
  return () => {
    action();
    return true;
  };
}

/** The usual editor shortcuts (Ctrl on Linux/Windows, Cmd on macOS via `Mod`). */
export function editorKeymaps(shortcuts: EditorShortcuts): Plugin[] {
  return [
    keymap({
      "Mod-z": chainCommands(undo, () => shortcuts.undoElsewhere()),
      "Mod-f": run(() => shortcuts.find(false)),
      "Mod-h": run(() => shortcuts.find(true)),
      "Mod-y": redo,
      "Mod-Shift-z": redo,
      "Mod-b": toggleBold,
      "Mod-s": run(shortcuts.save),
      "Mod-Shift-e": run(shortcuts.exportPdf),
      "Mod-Alt-0": setParagraph,
      "Mod-Alt-1": setHeading(1),
      "Mod-Alt-2": setHeading(2),
      "Mod-Alt-3": setHeading(3),
      Enter: chainCommands(leaveFurniture, baseKeymap.Enter as Command),
    }),
    keymap(baseKeymap),
  ];
}
