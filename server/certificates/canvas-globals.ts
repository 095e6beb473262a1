// pdf.js fills in Path2D, DOMMatrix and ImageData from its own nested copy of @napi-rs/canvas
// when they are missing. Our canvases come from the top-level copy, and the two copies'
// classes do not mix, so the globals are set from ours before pdf.js loads.
import { DOMMatrix, ImageData, Path2D } from '@napi-rs/canvas';

const g = globalThis as Record<string, unknown>;
g.Path2D ??= Path2D;
g.DOMMatrix ??= DOMMatrix;
g.ImageData ??= ImageData;

/** pdf.js hands each font to the Font Loading API; the reader never draws with them (pdf.ts). */
class FontFace {
  readonly loaded: Promise<FontFace> = Promise.resolve(this);
  constructor(readonly family: string) {}
  load(): Promise<FontFace> {
    return this.loaded;
  }
}
g.FontFace ??= FontFace;
