// Scan clean-up before OCR: a black-and-white page without speckles, form rules or checkbox
// squares. Tesseract reads labels better when a box outline is not glued to the first letter,
// and it wastes time on specks it tries to read as text.

/** One byte per pixel; in a binary image 1 = ink. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Otsu's threshold over grey levels: the split that best separates ink from paper. */
export function otsu(grey: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < grey.length; i++) hist[grey[i]!]!++;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let weightBelow = 0, sumBelow = 0, best = 128, bestVar = -1;
  for (let t = 0; t < 256; t++) {
    weightBelow += hist[t]!;
    if (weightBelow === 0) continue;
    const weightAbove = grey.length - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += t * hist[t]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sum - sumBelow) / weightAbove;
    const between = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (between > bestVar) [bestVar, best] = [between, t];
  }
  return best;
}

export function binarise(grey: Bitmap): Bitmap {
  // Otsu sits midway between ink and paper; faint strokes of light print lie just above it.
  const t = Math.min(200, otsu(grey.data) + 10);
  const data = new Uint8Array(grey.data.length);
  for (let i = 0; i < data.length; i++) data[i] = grey.data[i]! < t ? 1 : 0;
  return { width: grey.width, height: grey.height, data };
}

/** A run of ink along a row (`at` its y, from x to x) or down a column (`at` its x, from y to y). */
export interface Run {
  at: number;
  from: number;
  to: number;
}

export interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  area: number;
  pixels: Int32Array;
}

/** Connected ink blobs (8-neighbour), skipping any larger than `maxArea` pixels' worth of box. */
export function components(img: Bitmap, maxSide: number): Component[] {
  const { width: w, height: h, data } = img;
  const seen = new Uint8Array(data.length);
  // The flood fill's stack grows with the blob, not the page, to keep memory near the image size.
  const stack: number[] = [];
  const out: Component[] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || seen[start]) continue;
    let n = 0;
    stack.push(start);
    seen[start] = 1;
    let x0 = w, y0 = h, x1 = 0, y1 = 0;
    const pixels: number[] = [];
    while (stack.length > 0) {
      const p = stack.pop()!;
      pixels.push(p);
      n++;
      const x = p % w, y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const q = yy * w + xx;
          if (xx < 0 || xx >= w || seen[q] || !data[q]) continue;
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (x1 - x0 <= maxSide && y1 - y0 <= maxSide) out.push({ x0, y0, x1, y1, area: n, pixels: Int32Array.from(pixels) });
  }
  return out;
}

/** A hollow square: ink along all four sides of its box and little ink elsewhere. */
function isBoxOutline(c: Component, img: Bitmap, min: number, max: number): boolean {
  const bw = c.x1 - c.x0 + 1, bh = c.y1 - c.y0 + 1;
  if (bw < min || bh < min || bw > max || bh > max || Math.abs(bw - bh) > 0.3 * Math.max(bw, bh)) return false;
  if (c.area > 0.6 * bw * bh) return false;
  const edge = (fixed: number, horizontal: boolean) => {
    let ink = 0;
    const len = horizontal ? bw : bh;
    for (let i = 0; i < len; i++) {
      // A side may be a pixel or two in from the box edge after rotation and blur.
      for (let d = -2; d <= 2; d++) {
        const x = horizontal ? c.x0 + i : fixed + d;
        const y = horizontal ? fixed + d : c.y0 + i;
        if (x >= 0 && y >= 0 && x < img.width && y < img.height && img.data[y * img.width + x]) {
          ink++;
          break;
        }
      }
    }
    return ink / len;
  };
  // A square has all four corners; a B or D, as hollow and nearly as square, has round ones.
  const inkNear = (cx: number, cy: number) => {
    for (let y = cy - 2; y <= cy + 2; y++)
      for (let x = cx - 2; x <= cx + 2; x++) if (x >= 0 && y >= 0 && x < img.width && y < img.height && img.data[y * img.width + x]) return true;
    return false;
  };
  const corners = inkNear(c.x0 + 1, c.y0 + 1) && inkNear(c.x1 - 1, c.y0 + 1) && inkNear(c.x0 + 1, c.y1 - 1) && inkNear(c.x1 - 1, c.y1 - 1);
  if (!corners) return false;
  // A B has a bar across its middle; a box is empty there, or crossed by a mark's thin strokes.
  const mid = Math.round((c.y0 + c.y1) / 2);
  let across = 0;
  const at = (x: number, y: number) => img.data[y * img.width + x] === 1;
  for (let x = c.x0 + 4; x <= c.x1 - 4; x++) if (at(x, mid - 1) || at(x, mid) || at(x, mid + 1)) across++;
  if (across > 0.85 * Math.max(1, bw - 8)) return false;
  return Math.min(edge(c.y0 + 1, true), edge(c.y1 - 1, true), edge(c.x0 + 1, false), edge(c.x1 - 1, false)) > 0.85;
}

/**
 * Remove specks (blobs smaller than a full stop at this resolution) and checkbox squares with
 * whatever mark sits inside them, in place. Returns the squares found, in pixels.
 */
export function clearSpecksAndBoxes(img: Bitmap, dpi: number): Component[] {
  const speck = Math.max(2, Math.round((dpi / 300) ** 2 * 6));
  const boxMin = Math.round(dpi * 0.06), boxMax = Math.round(dpi * 0.26);
  const blobs = components(img, Math.round(dpi * 0.6));
  const boxes: Component[] = [];
  const sliver = Math.max(3, Math.round(dpi / 100));
  for (const c of blobs) {
    const w = c.x1 - c.x0 + 1, h = c.y1 - c.y0 + 1;
    // Leftovers of a slightly slanted rule: a few pixels thick and many times longer, and longer
    // than the tallest letter, so a thin l or I stays.
    const ruleBit = Math.min(w, h) <= sliver && Math.max(w, h) >= 8 * Math.min(w, h) && Math.max(w, h) > dpi * 0.16;
    if (c.area <= speck || ruleBit) for (const p of c.pixels) img.data[p] = 0;
    else if (isBoxOutline(c, img, boxMin, boxMax)) boxes.push(c);
  }
  // Checkboxes go with their marks (the probe reads those from the grey page); a box much larger
  // than the page's checkboxes holds a letter to read (the Y/N of excluded officers), so only its
  // outline goes.
  const sides = boxes.map((b) => b.x1 - b.x0).sort((x, y) => x - y);
  const usual = sides[Math.floor(sides.length / 2)] ?? 0;
  for (const b of boxes) {
    if (b.x1 - b.x0 > 1.4 * usual) for (const p of b.pixels) img.data[p] = 0;
    else for (let y = b.y0; y <= b.y1; y++) img.data.fill(0, y * img.width + b.x0, y * img.width + b.x1 + 1);
  }
  return boxes;
}

/**
 * Clear the form's rules: runs of ink longer than `minRun` along rows and columns. A scanned rule
 * is broken by noise and a few pixels thick with grey edges, so a run may bridge gaps of a few
 * pixels, and the pixels just beside a run go with it. Where a letter meets the rule (a value
 * printed a little off its line), its stroke is kept: through the rule where it goes on past both
 * sides, up to the rule's own pixels where it comes from one side only. The runs found are
 * returned, along rows and down columns, for placing the form by its rules.
 */
export function clearRules(img: Bitmap, minRun: number): { rows: Run[]; columns: Run[] } {
  const { width: w, height: h, data } = img;
  // Bits: a rule's own pixels and the pixels beside it, along rows (1, 4) and down columns (2, 8).
  const marks = new Uint8Array(data.length);
  const found: { rows: Run[]; columns: Run[] } = { rows: [], columns: [] };
  const gap = 4;
  const side = 2;
  // Pixel `i` of line `o` is at o * os + i * is (rows: os = w, is = 1).
  const scan = (outer: number, inner: number, os: number, is: number, core: number, runs: Run[]) => {
    for (let o = 0; o < outer; o++) {
      let start = -1;
      let last = -1;
      for (let i = 0; i <= inner; i++) {
        const ink = i < inner && data[o * os + i * is] === 1;
        if (ink) {
          if (start < 0) start = i;
          last = i;
          continue;
        }
        if (start >= 0 && (i - last > gap || i === inner)) {
          if (last - start + 1 >= minRun) {
            runs.push({ at: o, from: start, to: last });
            for (let d = -side; d <= side; d++) {
              if (o + d < 0 || o + d >= outer) continue;
              const bit = d === 0 ? core : core << 2;
              for (let k = start; k <= last; k++) marks[(o + d) * os + k * is]! |= bit;
            }
          }
          start = -1;
        }
      }
    }
  };
  scan(h, w, w, 1, 1, found.rows);
  scanColumns(img, minRun, gap, side, marks, found.columns);
  keepCrossings(img, marks, 1);
  keepCrossings(img, marks, 2);
  for (let i = 0; i < data.length; i++) if (marks[i]) data[i] = 0;
  return found;
}

/**
 * The runs down columns, as `clearRules` finds them along rows, but walked a row at a time with
 * every column's run open at once: down a column, each pixel is a row's width from the last.
 */
function scanColumns(img: Bitmap, minRun: number, gap: number, side: number, marks: Uint8Array, runs: Run[]): void {
  const { width: w, height: h, data } = img;
  const start = new Int32Array(w).fill(-1);
  const last = new Int32Array(w).fill(-1);
  const close = (x: number) => {
    if (last[x]! - start[x]! + 1 >= minRun) {
      runs.push({ at: x, from: start[x]!, to: last[x]! });
      for (let d = -side; d <= side; d++) {
        if (x + d < 0 || x + d >= w) continue;
        const bit = d === 0 ? 2 : 8;
        for (let y = start[x]!; y <= last[x]!; y++) marks[y * w + x + d]! |= bit;
      }
    }
    start[x] = -1;
  };
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      if (data[i] === 1) {
        if (start[x]! < 0) start[x] = y;
        last[x] = y;
      } else if (start[x]! >= 0 && y - last[x]! > gap) close(x);
    }
  }
  for (let x = 0; x < w; x++) if (start[x]! >= 0) close(x);
  // Runs in the order the column walk would give them: by column, then down it.
  runs.sort((a, b) => a.at - b.at || a.from - b.from);
}

/**
 * Unmark where a stroke meets a rule (`core` 1: rules along rows, 2: down columns). Across the
 * rule's band, ink that no rule claims going on for two pixels beyond it, here and in a
 * neighbouring line, is a stroke; a lone speck beside the rule is not.
 */
function keepCrossings(img: Bitmap, marks: Uint8Array, core: number): void {
  const { width: w, height: h, data } = img;
  const band = core | (core << 2);
  // Positions across the rule (`i`, step `across`) and the lines beside each other (step `along`):
  // down a column for a rule along rows, and the other way round.
  const [across, along, lines, length] = core === 1 ? [w, 1, w, h] : [1, w, h, w];
  const free = (p: number) => data[p] === 1 && marks[p] === 0;
  // Unclaimed ink for two pixels on from pixel `p` (at position `i`), by `step` (±across).
  const goesOn = (p: number, i: number, step: number) => {
    const far = i + (2 * step) / across;
    return far >= 0 && far < length && free(p + step) && free(p + 2 * step);
  };
  const near = (p: number, i: number, line: number, step: number) =>
    goesOn(p, i, step) && ((line > 0 && goesOn(p - along, i, step)) || (line < lines - 1 && goesOn(p + along, i, step)));
  const keep: number[] = [];
  // The page is walked in memory order; a band is taken up where it starts across the rule.
  for (let p = 0; p < marks.length; p++) {
    if (!(marks[p]! & band)) continue;
    const x = p % w;
    const i = core === 1 ? (p - x) / w : x;
    if (i > 0 && marks[p - across]! & band) continue;
    const line = core === 1 ? x : (p - x) / w;
    let end = i;
    while (end + 1 < length && marks[p + (end + 1 - i) * across]! & band) end++;
    const last = p + (end - i) * across;
    const b = near(p, i, line, -across);
    const a = near(last, end, line, across);
    if (b && a) for (let q = p; q <= last; q += across) keep.push(q);
    // From one side only: the band's pixels on that side, up to the rule's own.
    else if (b) for (let q = p; q <= last && !(marks[q]! & core); q += across) keep.push(q);
    else if (a) for (let q = last; q >= p && !(marks[q]! & core); q -= across) keep.push(q);
  }
  for (const p of keep) marks[p]! &= ~band;
}

/** A binary image as PBM bytes, which Tesseract's image reader takes without any encoding cost. */
export function toPbm(img: Bitmap, region?: { x: number; y: number; w: number; h: number }): Uint8Array {
  const r = region ?? { x: 0, y: 0, w: img.width, h: img.height };
  const header = new TextEncoder().encode(`P4\n${r.w} ${r.h}\n`);
  const rowBytes = Math.ceil(r.w / 8);
  const out = new Uint8Array(header.length + rowBytes * r.h);
  out.set(header);
  for (let y = 0; y < r.h; y++) {
    const src = (r.y + y) * img.width + r.x;
    const dst = header.length + y * rowBytes;
    for (let x = 0; x < r.w; x++) if (img.data[src + x]) out[dst + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  return out;
}

/**
 * The grey page as PGM bytes with everything but the kept ink (and a pixel around it) turned to
 * paper: rules, specks and checkbox squares are gone, letters keep their grey edges.
 */
export function toPgm(grey: Bitmap, ink: Bitmap): Uint8Array {
  const { width: w, height: h } = grey;
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + w * h).fill(255);
  out.set(header);
  const d = ink.data;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      if (d[i] || d[i - 1] || d[i + 1] || d[i - w] || d[i + w]) out[header.length + i] = grey.data[i]!;
    }
  }
  return out;
}

/** The pixels of PGM bytes made by `toPgm`, without copying them. */
export function pgmBitmap(pgm: Uint8Array, width: number, height: number): Bitmap {
  return { width, height, data: pgm.subarray(pgm.length - width * height) };
}
