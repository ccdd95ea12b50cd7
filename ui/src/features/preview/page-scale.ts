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

/** The preview's zoom: the page fit to the pane's width, or its true A4 size (100 %) and
 *  half as large again (150 %). */
export type PreviewZoom = "fit" | "100" | "150";

export const ZOOMS: { zoom: PreviewZoom; label: string }[] = [
  { zoom: "fit", label: "适合宽度" },
  { zoom: "100", label: "100%" },
  { zoom: "150", label: "150%" },
];

/** CSS pixels per point: a CSS pixel is 1/96 in and a point 1/72 in, so a page at 100 % is
 *  as large as it prints on a screen whose pixels are CSS pixels. */
export const CSS_PX_PER_PT = 96 / 72;

export function zoomScale(zoom: PreviewZoom, paneWidthPx: number, pageWidthPt: number, gutterPx: number): number {
  switch (zoom) {
    case "fit":
      return pageScale(paneWidthPx, pageWidthPt, gutterPx);
    case "100":
      return CSS_PX_PER_PT;
    case "150":
      return 1.5 * CSS_PX_PER_PT;
  }
}
