import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { UnreadableDocumentError } from '../errors';
import type { PageView } from './page';
import type { PDFPageProxy } from './pdf';
import { estimateOrientation, greyOf, rotate, withoutRules } from './raster';
import type { Box, Word } from './words';

const require = createRequire(import.meta.url);
const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
const renderDpi = 220;

let worker: Promise<Worker> | null = null;

function getWorker(): Promise<Worker> {
  worker ??= createWorker('eng', OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true }).then(async (w) => {
    await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, preserve_interword_spaces: '0' });
    return w;
  });
  return worker;
}

/** Stop the shared OCR worker; the next OCR read starts a new one. */
export async function closeReader(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await (await current).terminate();
}

interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

async function recognise(canvas: Canvas): Promise<OcrWord[]> {
  const w = await getWorker();
  const png = await canvas.encode('png');
  const { data } = await w.recognize(png, {}, { blocks: true, text: false });
  const words: OcrWord[] = [];
  for (const block of data.blocks ?? [])
    for (const para of block.paragraphs) for (const line of para.lines) for (const word of line.words) words.push(word);
  return words.filter((x) => /[A-Za-z0-9]/.test(x.text));
}

function meanConfidence(words: OcrWord[]): number {
  const useful = words.filter((w) => w.text.length > 2);
  return useful.length ? useful.reduce((s, w) => s + w.confidence, 0) / useful.length : 0;
}

/** Upright or upside down: OCR a middle strip both ways and keep the more confident reading. */
async function uprightTurn(canvas: Canvas): Promise<number> {
  const h = Math.round(canvas.height * 0.2);
  const strip = createCanvas(canvas.width, h);
  strip.getContext('2d').drawImage(canvas, 0, canvas.height * 0.4, canvas.width, h, 0, 0, canvas.width, h);
  const a = meanConfidence(await recognise(strip));
  if (a > 80) return 0;
  const b = meanConfidence(await recognise(rotate(strip, 180)));
  return b > a ? 180 : 0;
}

/** A checkbox probe over page pixels: ink in the middle of the box means a mark. */
function pixelProbe(canvas: Canvas, pxPerPt: number, pageHeightPt: number): PageView['probe'] {
  const grey = greyOf(canvas);
  const w = canvas.width;
  return (area: Box) => {
    const x0 = Math.max(0, Math.floor(area[0] * pxPerPt));
    const x1 = Math.min(w - 1, Math.ceil(area[2] * pxPerPt));
    const y0 = Math.max(0, Math.floor((pageHeightPt - area[3]) * pxPerPt));
    const y1 = Math.min(canvas.height - 1, Math.ceil((pageHeightPt - area[1]) * pxPerPt));
    let bx0 = x1, bx1 = x0, by0 = y1, by1 = y0;
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++)
        if (grey[y * w + x]! < 128) {
          bx0 = Math.min(bx0, x); bx1 = Math.max(bx1, x); by0 = Math.min(by0, y); by1 = Math.max(by1, y);
        }
    if (bx1 - bx0 < 4 || by1 - by0 < 4) return 0;
    const ix = (bx1 - bx0) * 0.25;
    const iy = (by1 - by0) * 0.25;
    let dark = 0, all = 0;
    for (let y = Math.round(by0 + iy); y <= by1 - iy; y++)
      for (let x = Math.round(bx0 + ix); x <= bx1 - ix; x++) {
        all++;
        if (grey[y * w + x]! < 128) dark++;
      }
    const ratio = all ? dark / all : 0;
    return Math.max(0, Math.min(1, (ratio - 0.04) / 0.16));
  };
}

async function readCanvas(source: Canvas, page: number, dpi: number): Promise<PageView> {
  const { sideways, skew } = estimateOrientation(source);
  const level = rotate(source, -((sideways ? 90 : 0) + skew));
  const flip = await uprightTurn(withoutRules(level, Math.round(dpi * 0.6)));
  const upright = flip ? rotate(level, 180) : level;
  const words = await recognise(withoutRules(upright, Math.round(dpi * 0.6)));
  const k = 72 / dpi;
  const height = upright.height * k;
  const out: Word[] = words.map((x) => ({
    text: x.text.trim(),
    x0: x.bbox.x0 * k,
    x1: x.bbox.x1 * k,
    y0: height - x.bbox.y1 * k,
    y1: height - x.bbox.y0 * k,
    page,
    conf: Math.max(0, Math.min(1, x.confidence / 100)),
  }));
  return { page, width: upright.width * k, height, words: out, probe: pixelProbe(upright, 1 / k, height), ocr: true };
}

/** Render an image-only PDF page and read it with OCR. */
export async function ocrPdfPage(page: PDFPageProxy, pageNumber: number, maxPixels: number): Promise<PageView> {
  const base = page.getViewport({ scale: 1 });
  const dpi = Math.min(renderDpi, 72 * Math.sqrt(maxPixels / (base.width * base.height)));
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
  return readCanvas(canvas, pageNumber, dpi);
}

/** Read a photo or scan given as PNG/JPEG bytes; a letter-width page is assumed for scale. */
export async function ocrImage(bytes: Uint8Array, pageNumber: number, maxPixels: number): Promise<PageView> {
  let image;
  try {
    image = await loadImage(Buffer.from(bytes));
  } catch {
    throw new UnreadableDocumentError('corrupt_image', 'This picture is damaged and cannot be opened.');
  }
  const scale = Math.min(1, Math.sqrt(Math.min(maxPixels, 9_000_000) / (image.width * image.height)));
  const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  const shortSide = Math.min(canvas.width, canvas.height);
  return readCanvas(canvas, pageNumber, (shortSide / 8.5) || renderDpi);
}
