// What the find bar holds, kept outside the editor: the editor is mounted anew for each
// article, and the query stays while the user moves from one article's matches to the next.
import type { ReplaceReport } from "../../generated/bindings";

export type FindScope = "article" | "issue";

export const findState = $state({
  open: false,
  /** Whether the 替换 row shows (Ctrl+H) or only 查找 (Ctrl+F). */
  replacing: false,
  find: "",
  replacement: "",
  foldWidth: false,
  scope: "article" as FindScope,
  /** Bumped to put the focus back in the find field. */
  focusRequest: 0,
  /** 全期 下一处/上一处 opened this article: select its first or last match once shown. */
  selectOnOpen: null as { articleId: number; at: "first" | "last" } | null,
});

/** The last replace-all across the issue, while it can still be taken back in one step. */
export const issueReplaceUndo = $state<{ current: { issueId: number; report: ReplaceReport } | null }>({ current: null });

/** Ctrl+F (`replacing` false) or Ctrl+H: opens the bar, the selected text as the query. */
export function openFind(replacing: boolean, selected = "") {
  findState.open = true;
  findState.replacing = replacing || findState.replacing;
  if (selected !== "" && !selected.includes("\n")) findState.find = selected;
  findState.focusRequest += 1;
}

export function closeFind() {
  findState.open = false;
}
