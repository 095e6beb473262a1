// Letters standing alone in a box or cell (the excluded-officers Y/N, an insurer letter, an X
// under ADDL INSD), made ready for the engine: the box's outline, the rules beside it and the bits
// of labels the area catches are what the engine sees first, and it then reads nothing. The
// letters are set alone on white paper.
import { components, type Bitmap } from './clean';

interface Pgm {
  width: number;
  height: number;
  start: number;
}

function pgmOf(bytes: Uint8Array): Pgm | null {
  const m = /^P5\n(\d+) (\d+)\n255\n/.exec(new TextDecoder().decode(bytes.subarray(0, 32)));
  return m ? { width: Number(m[1]), height: Number(m[2]), start: m[0].length } : null;
}

/**
 * The box's outline and the rules beside it whitened, in place: rows dark across most of the
 * width, columns dark down most of the height, and their grey edges. A letter inside is never
 * that long.
 */
function withoutLines(pgm: Uint8Array, { width: w, height: h, start }: Pgm): void {
  const dark = (x: number, y: number) => pgm[start + y * w + x]! < 160;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) n += dark(x, y) ? 1 : 0;
    if (n > 0.4 * w) rows.push(y);
  }
  for (let x = 0; x < w; x++) {
    let n = 0;
    for (let y = 0; y < h; y++) n += dark(x, y) ? 1 : 0;
    if (n > 0.5 * h) cols.push(x);
  }
  const edge = 2;
  for (const y of rows) for (let d = -edge; d <= edge; d++) if (y + d >= 0 && y + d < h) pgm.fill(255, start + (y + d) * w, start + (y + d + 1) * w);
  for (const x of cols) for (let d = -edge; d <= edge; d++) if (x + d >= 0 && x + d < w) for (let y = 0; y < h; y++) pgm[start + y * w + x + d] = 255;
}

/**
 * A PGM picture of a box (`dpi` its resolution) with only its letter left: the outline and rules
 * go, then every blob of ink but those of a letter's size lying wholly inside the picture (a
 * label's edge or a rule's end the area cut through touches its border; a speck is small).
 * Unchanged, lines aside, when no such blob is found.
 */
export function letterInBox(pgm: Uint8Array, dpi: number): Uint8Array {
  const size = pgmOf(pgm);
  if (!size) return pgm;
  const out = pgm.slice();
  withoutLines(out, size);
  const { width: w, height: h, start } = size;
  const grey = out.subarray(start);
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = grey[i]! < 140 ? 1 : 0;
  const ink: Bitmap = { width: w, height: h, data };
  const pt = dpi / 72;
  const letters = components(ink, w + h).filter((c) => {
    const tall = c.y1 - c.y0 + 1;
    return c.x0 > 0 && c.y0 > 0 && c.x1 < w - 1 && c.y1 < h - 1 && tall >= 3 * pt && tall <= 16 * pt;
  });
  if (!letters.length) return out;
  // Each kept blob keeps its grey edge: the pixels next to its ink.
  const keep = new Uint8Array(w * h);
  for (const c of letters) {
    for (const p of c.pixels) {
      const [x, y] = [p % w, Math.floor(p / w)];
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (x + dx >= 0 && x + dx < w && y + dy >= 0 && y + dy < h) keep[(y + dy) * w + x + dx] = 1;
    }
  }
  for (let i = 0; i < grey.length; i++) if (!keep[i]) grey[i] = 255;
  return out;
}
