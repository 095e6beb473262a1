// Where a value's box sits over the rendered page. The reader gives boxes in PDF points with the
// origin at the bottom left; the canvas counts pixels from the top left.

export type Box = [number, number, number, number];

export interface PageGeometry {
  /** Page height in PDF points. */
  pageHeight: number;
  /** Canvas pixels per PDF point. */
  scale: number;
}

export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function boxToPixels([x0, y0, x1, y1]: Box, g: PageGeometry): PixelRect {
  const pad = 2;
  return {
    left: Math.min(x0, x1) * g.scale - pad,
    top: (g.pageHeight - Math.max(y0, y1)) * g.scale - pad,
    width: Math.abs(x1 - x0) * g.scale + pad * 2,
    height: Math.abs(y1 - y0) * g.scale + pad * 2,
  };
}

/**
 * A photo is read as a page 8.5 inches across its shorter side (the reader's own assumption),
 * so its points follow from the picture's pixel size.
 */
export function imageGeometry(naturalWidth: number, naturalHeight: number, shownWidth: number): PageGeometry {
  const pointsPerPixel = 612 / Math.min(naturalWidth, naturalHeight);
  return { pageHeight: naturalHeight * pointsPerPixel, scale: shownWidth / (naturalWidth * pointsPerPixel) };
}
