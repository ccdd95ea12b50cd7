/** CSS pixels per PDF point that fit a page of `pageWidthPt` into a pane `paneWidthPx` wide
 *  with `gutterPx` on each side; never below a size at which the page is still a shape. */
export function pageScale(paneWidthPx: number, pageWidthPt: number, gutterPx: number): number {
  const usable = Math.max(paneWidthPx - 2 * gutterPx, 80);
  return usable / pageWidthPt;
}

/** The page's height in pixels at `scale`, rounded so stacked pages do not drift. */
export function scaledHeight(pageHeightPt: number, scale: number): number {
  return Math.round(pageHeightPt * scale);
}
