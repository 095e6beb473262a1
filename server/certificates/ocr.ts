import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { UnreadableDocumentError } from '../errors';
import type { PageView } from './page';
import type { PDFPageProxy } from './pdf';
import { binarise, clearRules, clearSpecksAndBoxes, pgmBitmap, toPgm } from './clean';
import { estimateOrientation, flipInPlace, greyBitmap, pixelProbe, rotateGrey } from './raster';
import { readSkipped, type OcrWord } from './lone-letters';
import { rereadIdentifiers } from './reread';
import { settleCapitalL, settleLookalikes } from './glyphs';
import { repairLabel } from './vocabulary';
import type { Word } from './words';

const require = createRequire(import.meta.url);
const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
const renderDpi = 300;

let worker: Promise<Worker> | null = null;

/**
 * Worker threads inherit the process's `--import` flags (tsx and the pdf.js preload). Tesseract's
 * thread is plain JavaScript and needs neither; without them it starts with about 40 MB less.
 * Tesseract.js makes its thread synchronously inside createWorker, so the flags are left out
 * only for that call.
 */
function withoutImportFlags<T>(start: () => T): T {
  const flags = process.execArgv;
  process.execArgv = [];
  try {
    return start();
  } finally {
    process.execArgv = flags;
  }
}

function getWorker(): Promise<Worker> {
  worker ??= withoutImportFlags(() => createWorker('eng', OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true }).then(async (w) => {
    // debug_file: Tesseract's own notes ("Detected 12 diacritics") would go to standard output.
    // tessedit_do_invert: a line read with doubt is not read again as white-on-black print,
    // which certificates do not carry; that second reading cost about a tenth of the OCR time.
    await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, preserve_interword_spaces: '0', debug_file: '/dev/null', tessedit_do_invert: '0' });
    return w;
  }));
  return worker;
}

/** Stop the shared OCR worker; the next OCR read starts a new one. */
export async function closeReader(): Promise<void> {
  const current = worker;
  worker = null;
  workerDpi = 0;
  workerMode = PSM.SPARSE_TEXT;
  if (current) await (await current).terminate();
}

let workerDpi = 0;
let workerMode: PSM = PSM.SPARSE_TEXT;

async function recognise(image: Uint8Array, dpi: number, mode: PSM = PSM.SPARSE_TEXT): Promise<OcrWord[]> {
  const w = await getWorker();
  // A bare bitmap carries no resolution; Tesseract sizes its noise filters from this one.
  if (dpi !== workerDpi) await w.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
  workerDpi = dpi;
  if (mode !== workerMode) await w.setParameters({ tessedit_pageseg_mode: mode });
  workerMode = mode;
  const { data } = await w.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false });
  const words: OcrWord[] = [];
  for (const block of data.blocks ?? [])
    for (const para of block.paragraphs) for (const line of para.lines) words.push(...withLineHeight(line.words));
  return words.filter((x) => /[A-Za-z0-9&]/.test(x.text));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A word whose box a speck or stroke nearby swelled to well over its line's height gets the
 * line's usual top and bottom, so it stays on its line when lines are rebuilt from positions.
 */
function withLineHeight(words: OcrWord[]): OcrWord[] {
  if (words.length < 3) return words;
  const top = median(words.map((w) => w.bbox.y0));
  const bottom = median(words.map((w) => w.bbox.y1));
  const usual = bottom - top;
  return words.map((w) => (w.bbox.y1 - w.bbox.y0 > 1.5 * usual ? { ...w, bbox: { ...w.bbox, y0: top, y1: bottom } } : w));
}

/** Mean word confidence below which a page may have been read upside down. */
const uprightConfidence = 60;

function meanConfidence(words: OcrWord[]): number {
  const useful = words.filter((w) => w.text.length > 2);
  return useful.length ? useful.reduce((s, w) => s + w.confidence, 0) / useful.length : 0;
}

function release(canvas: Canvas): void {
  canvas.width = 0;
  canvas.height = 0;
}

async function readCanvas(source: Canvas, page: number, dpi: number): Promise<PageView> {
  // The page becomes one byte per pixel at once and the RGBA canvas is released now, not at some
  // later GC; turning and cleaning work on the grey copies.
  const scanned = greyBitmap(source);
  release(source);
  const { sideways, skew } = estimateOrientation(scanned);
  const grey = rotateGrey(scanned, -((sideways ? 90 : 0) + skew));
  const ink = binarise(grey);
  clearRules(ink, Math.round(dpi * 0.6));
  clearSpecksAndBoxes(ink, dpi);
  // Tesseract's recogniser reads grey strokes better than our black-and-white copy, whose thin
  // strokes break; the black-and-white copy decides only what is paper.
  let masked = toPgm(grey, ink);
  let first = await recognise(masked, dpi);
  // A page fed upside down reads as low-confidence noise; only then is it turned and read again
  // (checking every page first cost a strip's reading and most of a second on each scan).
  if (meanConfidence(first) < uprightConfidence) {
    flipInPlace(ink);
    flipInPlace(grey);
    const turned = toPgm(grey, ink);
    const second = await recognise(turned, dpi);
    if (meanConfidence(second) > meanConfidence(first)) [masked, first] = [turned, second];
    else {
      flipInPlace(ink);
      flipInPlace(grey);
    }
  }
  const cleaned = pgmBitmap(masked, grey.width, grey.height);
  const readLine = (image: Uint8Array, d: number) => recognise(image, d, PSM.SINGLE_LINE);
  const settled = settleCapitalL(settleLookalikes(await rereadIdentifiers(first, cleaned, dpi, readLine), ink), ink);
  const words = await readSkipped(settled, cleaned, ink, dpi, readLine);
  const k = 72 / dpi;
  const height = grey.height * k;
  const out: Word[] = words.map((x) => ({
    text: repairLabel(x.text.trim()),
    x0: x.bbox.x0 * k,
    x1: x.bbox.x1 * k,
    y0: height - x.bbox.y1 * k,
    y1: height - x.bbox.y0 * k,
    page,
    conf: Math.max(0, Math.min(1, x.confidence / 100)),
  }));
  return { page, width: grey.width * k, height, words: out, probe: pixelProbe(grey, 1 / k, height), ocr: true };
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
  // The decoded scan pdf.js keeps for this page is not needed while OCR runs.
  page.cleanup();
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
  // Small print needs about 300 dpi for Tesseract; a letter-width page gives the scale.
  const dpi = Math.min(image.width, image.height) / 8.5;
  const pixelCap = Math.sqrt(Math.min(maxPixels, 12_000_000) / (image.width * image.height));
  const scale = Math.min(renderDpi / dpi, pixelCap);
  const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  return readCanvas(canvas, pageNumber, dpi * scale);
}
