import type { Canvas } from '@napi-rs/canvas';
import type { Bitmap } from './clean';
import type { MarkProbe } from './page';
import type { Box } from './words';

/**
 * Grey levels (0 = black) of an opaque canvas, one byte per pixel. The canvas's own pixels are
 * read in place: they are premultiplied, which on an opaque page changes nothing, and asking for
 * them as image data instead would copy and convert every pixel first (most of this step's time).
 */
export function greyOf(canvas: Canvas): Uint8Array {
  const rgba = canvas.data();
  const out = new Uint8Array(canvas.width * canvas.height);
  // (3 red + 6 green + 1 blue) / 10, the division done as a multiply and shift (exact to 2550).
  for (let i = 0, j = 0; j < out.length; i += 4, j++) out[j] = ((rgba[i]! * 3 + rgba[i + 1]! * 6 + rgba[i + 2]!) * 6554) >> 16;
  return out;
}

/** Grey levels of a canvas as a bitmap. */
export function greyBitmap(canvas: Canvas): Bitmap {
  return { width: canvas.width, height: canvas.height, data: greyOf(canvas) };
}

/** Dark pixels of a grey page sampled about `maxSide` wide, for orientation and skew estimates. */
function darkPoints(grey: Bitmap, maxSide: number): { xs: Float32Array; ys: Float32Array; w: number; h: number } {
  const step = Math.max(1, Math.ceil(Math.max(grey.width, grey.height) / maxSide));
  const w = Math.ceil(grey.width / step);
  const h = Math.ceil(grey.height / step);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // The mean grey of each cell, as a scaled-down copy of the page would have it.
      let sum = 0, n = 0;
      for (let dy = 0; dy < step && y * step + dy < grey.height; dy++)
        for (let dx = 0; dx < step && x * step + dx < grey.width; dx++, n++) sum += grey.data[(y * step + dy) * grey.width + x * step + dx]!;
      if (sum / n < 140) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs: Float32Array.from(xs), ys: Float32Array.from(ys), w, h };
}

/** How sharply dark pixels gather into rows when the page is turned by `deg`. */
function rowSharpness(p: ReturnType<typeof darkPoints>, deg: number): number {
  const a = (deg * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  const size = p.w + p.h;
  const bins = new Float64Array(2 * size + 2);
  for (let i = 0; i < p.xs.length; i++) {
    const y = Math.round(p.ys[i]! * cos - p.xs[i]! * sin) + size;
    bins[y] = bins[y]! + 1;
  }
  let score = 0;
  for (const b of bins) score += b * b;
  return score;
}

/** Quarter turn (upright-or-upside-down vs sideways) and skew in degrees of a grey page. */
export function estimateOrientation(grey: Bitmap): { sideways: boolean; skew: number } {
  const points = darkPoints(grey, 900);
  const flat = rowSharpness(points, 0);
  const side = rowSharpness(points, 90);
  const sideways = side > flat;
  const base = sideways ? 90 : 0;
  let best = { skew: 0, score: -1 };
  for (let d = -3; d <= 3.001; d += 0.25) {
    const score = rowSharpness(points, base + d);
    if (score > best.score) best = { skew: d, score };
  }
  return { sideways, skew: best.skew };
}

/** A grey page turned by `deg` (clockwise positive) about its centre, on white, bilinear. */
export function rotateGrey(src: Bitmap, deg: number): Bitmap {
  const quarter = ((Math.round(deg / 90) % 4) + 4) % 4;
  const swap = quarter % 2 === 1;
  const w = swap ? src.height : src.width;
  const h = swap ? src.width : src.height;
  const out = new Uint8Array(w * h).fill(255);
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  const scx = src.width / 2, scy = src.height / 2, dcx = w / 2, dcy = h / 2;
  const sw = src.width, sh = src.height, d = src.data;
  for (let y = 0; y < h; y++) {
    const ry = y + 0.5 - dcy;
    for (let x = 0; x < w; x++) {
      const rx = x + 0.5 - dcx;
      // The source point that lands here: the inverse turn.
      const sx = rx * cos + ry * sin + scx - 0.5;
      const sy = -rx * sin + ry * cos + scy - 0.5;
      const ix = Math.floor(sx), iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix >= sw - 1 || iy >= sh - 1) continue;
      const fx = sx - ix, fy = sy - iy, i = iy * sw + ix;
      const top = d[i]! + (d[i + 1]! - d[i]!) * fx;
      const bottom = d[i + sw]! + (d[i + sw + 1]! - d[i + sw]!) * fx;
      out[y * w + x] = top + (bottom - top) * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/** The bitmap turned half a turn, in place. */
export function flipInPlace(img: Bitmap): void {
  img.data.reverse();
}

/** A checkbox probe over page pixels: ink in the middle of the box means a mark. */
export function pixelProbe(grey: Bitmap, pxPerPt: number, pageHeightPt: number): MarkProbe {
  const { width: w, height: h, data } = grey;
  const inked = (x: number, y: number) => data[y * w + x]! < 128;
  return (area: Box) => {
    const x0 = Math.max(0, Math.floor(area[0] * pxPerPt));
    const x1 = Math.min(w - 1, Math.ceil(area[2] * pxPerPt));
    const y0 = Math.max(0, Math.floor((pageHeightPt - area[3]) * pxPerPt));
    const y1 = Math.min(h - 1, Math.ceil((pageHeightPt - area[1]) * pxPerPt));
    // A rule of the grid the area crosses (a page fitted a little off puts a column's edge in
    // it) is never the box, though it may be the widest ink there when the box prints faint:
    // its columns count as paper, here and in the box.
    const rules = ruleColumns(inked, x0, y0, x1, y1, h);
    const dark = (x: number, y: number) => !rules.has(x) && inked(x, y);
    // The box is the widest run of inked columns: a bit of a neighbouring letter the area
    // catches (OCR glued the box to its label) stands apart from it by a gap of paper.
    let runStart = -1, gap = 0, bx0 = x1, bx1 = x0;
    for (let x = x0; x <= x1 + 2; x++) {
      let inked = false;
      for (let y = y0; y <= y1 && x <= x1 && !inked; y++) inked = dark(x, y);
      if (inked) {
        if (runStart < 0) runStart = x;
        gap = 0;
      } else if (runStart >= 0 && ++gap >= 2) {
        const end = x - gap;
        if (end - runStart > bx1 - bx0) [bx0, bx1] = [runStart, end];
        runStart = -1;
      }
    }
    let by0 = y1, by1 = y0;
    for (let y = y0; y <= y1; y++)
      for (let x = bx0; x <= bx1; x++) if (dark(x, y)) [by0, by1] = [Math.min(by0, y), Math.max(by1, y)];
    if (bx1 - bx0 < 4 || by1 - by0 < 4) return 0;
    // The inner half of the inked area: the outline never reaches it, a tick or cross does.
    const ix = (bx1 - bx0) * 0.25;
    const iy = (by1 - by0) * 0.25;
    let ink = 0, all = 0;
    for (let y = Math.round(by0 + iy); y <= by1 - iy; y++)
      for (let x = Math.round(bx0 + ix); x <= bx1 - ix; x++) {
        all++;
        if (dark(x, y)) ink++;
      }
    const ratio = all ? ink / all : 0;
    return Math.max(0, Math.min(1, (ratio - 0.04) / 0.16));
  };
}

/**
 * Columns inked through at least 85% of an area and on past its top or bottom: the grid's
 * rules. A letter or a box ends where it ends; a rule goes on.
 */
function ruleColumns(inked: (x: number, y: number) => boolean, x0: number, y0: number, x1: number, y1: number, h: number): Set<number> {
  const out = new Set<number>();
  for (let x = x0; x <= x1; x++) {
    let n = 0;
    for (let y = y0; y <= y1; y++) n += inked(x, y) ? 1 : 0;
    let beyond = false;
    for (let d = 1; d <= 3 && !beyond; d++) beyond = (y0 - d >= 0 && inked(x, y0 - d)) || (y1 + d < h && inked(x, y1 + d));
    if (n >= 0.85 * (y1 - y0 + 1) && beyond) out.add(x);
  }
  return out;
}
