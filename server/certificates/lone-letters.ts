// Second OCR pass for lone letters. A page-wide pass drops single letters standing apart (an
// insurer letter, a Y in ADDL INSD) as noise; read alone and enlarged, they come out right.
import { components, type Bitmap } from './clean';

export interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** Reads one enlarged line picture (PGM bytes) at the given resolution. */
export type LineReader = (image: Uint8Array, dpi: number) => Promise<OcrWord[]>;

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** How much a re-read picture is enlarged. */
export const SCALE = 2;

const wordHeight = (w: OcrWord) => w.bbox.y1 - w.bbox.y0;

/** Letter-sized ink no first-pass word covers: a lone letter or mark the first pass skipped. */
function orphans(ink: Bitmap, words: OcrWord[], charHeight: number): Region[] {
  // A word's box can sit a little off its ink (a photo's slanted line): ink within half a letter
  // above or below it is that word's, not a letter standing apart.
  const slack = Math.max(2, 0.5 * charHeight);
  const covered = (x: number, y: number) =>
    words.some((w) => x >= w.bbox.x0 - 2 && x <= w.bbox.x1 + 2 && y >= w.bbox.y0 - slack && y <= w.bbox.y1 + slack);
  const out: Region[] = [];
  for (const c of components(ink, Math.round(charHeight * 2))) {
    const h = c.y1 - c.y0 + 1;
    const w = c.x1 - c.x0 + 1;
    if (h < 0.6 * charHeight || h > 1.8 * charHeight || w > 1.6 * charHeight || w < 0.15 * charHeight) continue;
    if (covered((c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2)) continue;
    out.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 });
  }
  return out;
}

/** A region of the grey page, enlarged `SCALE` times with bilinear steps, as PGM bytes. */
export function enlarged(grey: Bitmap, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const sx = Math.max(0, Math.floor(x0)), sy = Math.max(0, Math.floor(y0));
  const ex = Math.min(grey.width - 1, Math.ceil(x1)), ey = Math.min(grey.height - 1, Math.ceil(y1));
  const w = (ex - sx + 1) * SCALE, h = (ey - sy + 1) * SCALE;
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + w * h);
  out.set(header);
  // Each column's source pixels and weight, worked out once rather than at every row.
  const left = new Int32Array(w);
  const right = new Int32Array(w);
  const across = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const fx = sx + x / SCALE;
    left[x] = Math.floor(fx);
    right[x] = Math.min(ex, left[x]! + 1);
    across[x] = fx - left[x]!;
  }
  const data = grey.data;
  for (let y = 0; y < h; y++) {
    const fy = sy + y / SCALE, iy = Math.floor(fy), dy = fy - iy;
    const upper = iy * grey.width, lower = Math.min(ey, iy + 1) * grey.width;
    const row = header.length + y * w;
    for (let x = 0; x < w; x++) {
      const dx = across[x]!, l = left[x]!, r = right[x]!;
      const top = data[upper + l]! * (1 - dx) + data[upper + r]! * dx;
      const bottom = data[lower + l]! * (1 - dx) + data[lower + r]! * dx;
      out[row + x] = Math.round(top * (1 - dy) + bottom * dy);
    }
  }
  return out;
}

/**
 * One blob of ink narrower than a letter is tall is one glyph, so a reading of it as a capital
 * and its own small letter ("Cc", a wide C) is that capital; null for any other reading.
 */
function oneLetter(w: OcrWord, blob: Region, charHeight: number): OcrWord | null {
  const m = /^([A-Z])([a-z])$/.exec(w.text.trim());
  if (!m || m[1]!.toLowerCase() !== m[2] || blob.x1 - blob.x0 + 1 > charHeight) return null;
  return { ...w, text: m[1]! };
}

const meanConfidence = (ws: OcrWord[]) => ws.reduce((sum, w) => sum + w.confidence, 0) / ws.length;

/**
 * Read again, alone and enlarged, every letter-sized blob of ink the page-wide pass skipped (an
 * insurer letter, a Y or X in ADDL INSD): the words the engine is fairly sure of are added.
 */
export async function readSkipped(first: OcrWord[], grey: Bitmap, ink: Bitmap, dpi: number, read: LineReader): Promise<OcrWord[]> {
  const heights = first.filter((w) => w.text.length > 1).map(wordHeight).sort((a, b) => a - b);
  const charHeight = heights[Math.floor(heights.length / 2)] ?? dpi / 10;
  // Every blob is asked for at once, so the engines can share them out; the order of the words
  // added stays the blobs' order.
  const added = await Promise.all(
    orphans(ink, first, charHeight).map(async (r) => {
      const h = Math.max(r.y1 - r.y0, charHeight);
      const px = 0.6 * h, py = 0.35 * h;
      const [ox, oy] = [Math.max(0, Math.floor(r.x0 - px)), Math.max(0, Math.floor(r.y0 - py))];
      const readings = await read(enlarged(grey, r.x0 - px, r.y0 - py, r.x1 + px, r.y1 + py), dpi * SCALE);
      const letter = readings.length === 1 ? oneLetter(readings[0]!, r, charHeight) : null;
      const found = letter ? [letter] : readings;
      if (!found.length || meanConfidence(found) < (letter ? 50 : 60)) return [];
      return found.map((w) => {
        const b = w.bbox;
        return { ...w, bbox: { x0: ox + b.x0 / SCALE, y0: oy + b.y0 / SCALE, x1: ox + b.x1 / SCALE, y1: oy + b.y1 / SCALE } };
      });
    }),
  );
  return [...first, ...added.flat()];
}
