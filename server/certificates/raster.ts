import { createCanvas, type Canvas } from '@napi-rs/canvas';

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

/** Whiten long horizontal and vertical rules so OCR sees words, not the form's grid. */
export function withoutRules(canvas: Canvas, minRun: number): Canvas {
  const out = createCanvas(canvas.width, canvas.height);
  const ctx = out.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  const image = ctx.getImageData(0, 0, out.width, out.height);
  const { data, width, height } = image;
  const dark = (x: number, y: number) => data[(y * width + x) * 4]! < 150;
  const clear: number[] = [];
  const scan = (outer: number, inner: number, at: (o: number, i: number) => [number, number]) => {
    for (let o = 0; o < outer; o++) {
      let start = -1;
      for (let i = 0; i <= inner; i++) {
        const isDark = i < inner && dark(...at(o, i));
        if (isDark && start < 0) start = i;
        if (!isDark && start >= 0) {
          if (i - start >= minRun) for (let k = start; k < i; k++) clear.push(...at(o, k));
          start = -1;
        }
      }
    }
  };
  scan(height, width, (y, x) => [x, y]);
  scan(width, height, (x, y) => [x, y]);
  for (let k = 0; k < clear.length; k += 2) {
    const idx = (clear[k + 1]! * width + clear[k]!) * 4;
    data[idx] = data[idx + 1] = data[idx + 2] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return out;
}
