import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { Bitmap } from './clean';
import type { MarkProbe } from './page';
import type { Box } from './words';

/** Grey levels (0 = black) of a canvas, one byte per pixel. */
export function greyOf(canvas: Canvas): Uint8Array {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const out = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) out[j] = (data[i]! * 3 + data[i + 1]! * 6 + data[i + 2]!) / 10;
  return out;
}

/** Dark pixels of a downscaled copy, for orientation and skew estimates. */
function darkPoints(canvas: Canvas, maxSide: number): { xs: Float32Array; ys: Float32Array; w: number; h: number } {
  const scale = Math.min(1, maxSide / Math.max(canvas.width, canvas.height));
  const w = Math.max(1, Math.round(canvas.width * scale));
  const h = Math.max(1, Math.round(canvas.height * scale));
  const small = createCanvas(w, h);
  small.getContext('2d').drawImage(canvas, 0, 0, w, h);
  const grey = greyOf(small);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < grey.length; i++) {
    if (grey[i]! < 140) {
      xs.push(i % w);
      ys.push(Math.floor(i / w));
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

/** Quarter turn (0 or 1, i.e. upright-or-upside-down vs sideways) and skew in degrees. */
export function estimateOrientation(canvas: Canvas): { sideways: boolean; skew: number } {
  const points = darkPoints(canvas, 900);
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

/** A copy of the canvas turned by `deg` (clockwise positive), on white. */
export function rotate(source: Canvas, deg: number): Canvas {
  const quarter = ((Math.round(deg / 90) % 4) + 4) % 4;
  const swap = quarter % 2 === 1;
  const w = swap ? source.height : source.width;
  const h = swap ? source.width : source.height;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(source, -source.width / 2, -source.height / 2);
  return canvas;
}

/** Grey levels of a canvas as a bitmap, for clean-up and checkbox probes. */
export function greyBitmap(canvas: Canvas): Bitmap {
  return { width: canvas.width, height: canvas.height, data: greyOf(canvas) };
}

/** The bitmap turned half a turn, in place. */
export function flipInPlace(img: Bitmap): void {
  img.data.reverse();
}

/** A checkbox probe over page pixels: ink in the middle of the box means a mark. */
export function pixelProbe(grey: Bitmap, pxPerPt: number, pageHeightPt: number): MarkProbe {
  const { width: w, height: h, data } = grey;
  const dark = (x: number, y: number) => data[y * w + x]! < 128;
  return (area: Box) => {
    const x0 = Math.max(0, Math.floor(area[0] * pxPerPt));
    const x1 = Math.min(w - 1, Math.ceil(area[2] * pxPerPt));
    const y0 = Math.max(0, Math.floor((pageHeightPt - area[3]) * pxPerPt));
    const y1 = Math.min(h - 1, Math.ceil((pageHeightPt - area[1]) * pxPerPt));
    let bx0 = x1, bx1 = x0, by0 = y1, by1 = y0;
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++)
        if (dark(x, y)) [bx0, bx1, by0, by1] = [Math.min(bx0, x), Math.max(bx1, x), Math.min(by0, y), Math.max(by1, y)];
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
