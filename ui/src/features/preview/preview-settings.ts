// The preview's own choices, kept for the user between sessions: the zoom and whether the
// preview follows the editor's caret.
import type { PreviewZoom } from "./page-scale";

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

const KEY = "jianbao.preview";

export type PreviewSettings = { zoom: PreviewZoom; followCaret: boolean };

const DEFAULTS: PreviewSettings = { zoom: "fit", followCaret: false };

/** The stored choices; a missing or unreadable entry (an older or hand-edited one) gives
 *  the defaults for what it lacks, as these are preferences, not the user's text. */
export function loadPreviewSettings(store: KeyValueStore): PreviewSettings {
  let stored: Partial<PreviewSettings> = {};
  try {
    stored = JSON.parse(store.getItem(KEY) ?? "{}") as Partial<PreviewSettings>;
  } catch {
    stored = {};
  }
  const zoom = stored.zoom === "100" || stored.zoom === "150" || stored.zoom === "fit" ? stored.zoom : DEFAULTS.zoom;
  const followCaret = typeof stored.followCaret === "boolean" ? stored.followCaret : DEFAULTS.followCaret;
  return { zoom, followCaret };
}

export function savePreviewSettings(store: KeyValueStore, settings: PreviewSettings) {
  store.setItem(KEY, JSON.stringify(settings));
}
