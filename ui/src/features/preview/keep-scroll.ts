type Scroller = { scrollTop: number; scrollHeight: number; clientHeight: number };

/** Runs `update` (which may replace the pages) and puts the reader back where they were:
 *  the preview refreshes while the editor types, and must not jump to the first page. */
export async function keepScroll(scroller: Scroller, update: () => Promise<void>): Promise<void> {
  const top = scroller.scrollTop;
  await update();
  const bottom = Math.max(scroller.scrollHeight - scroller.clientHeight, 0);
  scroller.scrollTop = Math.min(top, bottom);
}
