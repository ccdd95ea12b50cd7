// Closing the window: Tauri lets the page finish work before the window goes away.
import { isTauri } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";

/** A hanging save never keeps the window open longer than this. */
const CLOSE_LIMIT_MS = 2000;

// One close listener runs every pending save together: Tauri destroys the window as soon as
// the first listener finishes, so two listeners would cut the slower save off.
const closeTasks = new Set<() => Promise<void>>();
let listening: Promise<unknown> | null = null;

/** Runs `beforeClose` (with every other registered task) when the user closes the window,
 *  then lets it close. Answers a function that stops this. */
export async function onWindowClose(beforeClose: () => Promise<void>): Promise<() => void> {
  if (!isTauri()) return () => {};
  closeTasks.add(beforeClose);
  listening ??= getCurrentWindow().onCloseRequested(async () => {
    const limit = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_LIMIT_MS));
    // A failed save keeps its local draft (see features/editor/draft.ts); closing goes on.
    const saves = Promise.allSettled([...closeTasks].map((task) => task()));
    await Promise.race([saves, limit]);
  });
  await listening;
  return () => void closeTasks.delete(beforeClose);
}
