// Closing the window: Tauri lets the page finish work before the window goes away.
import { isTauri } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";

/** Runs `beforeClose` when the user closes the window (at most `limitMs`, so a hanging save
 *  never keeps the window open), then lets it close. Answers a function that stops this. */
export async function onWindowClose(beforeClose: () => Promise<void>, limitMs = 2000): Promise<() => void> {
  if (!isTauri()) return () => {};
  return getCurrentWindow().onCloseRequested(async () => {
    const limit = new Promise<void>((resolve) => setTimeout(resolve, limitMs));
    // A failed save keeps its local draft (see features/editor/draft.ts); closing goes on.
    await Promise.race([beforeClose().catch(() => {}), limit]);
  });
}
