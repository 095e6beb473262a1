import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { UnreadableDocumentError } from '../errors';
import type { PageView, RereadSource } from './page';
import type { PDFPageProxy } from './pdf';
import { letterInBox } from './boxed';
import { binarise, clearRules, clearSpecksAndBoxes, pgmBitmap, toPgm, type Bitmap } from './clean';
import { estimateOrientation, flipInPlace, greyBitmap, pixelProbe, rotateGrey } from './raster';
import { enlarged, readSkipped, SCALE, type OcrWord } from './lone-letters';
import { closeEngines, engineCount, meanConfidence, PSM, recognise, recognisePage, startEngines } from './tesseract';
import { rereadIdentifiers } from './reread';
import { clearAreas, placeByRules, proseOnPage, turnedRuns } from './form/ruled';
import { capitalI, settleCapitalL, settleLookalikes } from './glyphs';
import { repairLabel } from './vocabulary';
import type { Box, Word } from './words';

/**
 * Pages are read at 300 dpi; a scanned or photographed page at 400. Its letters are blurred by the
 * scan, and Tesseract reads such small print (an 8-point value, a 7-point italic) markedly better
 * when each letter is larger; text drawn as outlines renders sharp at 300 and would only be slower.
 */
const renderDpi = 300;
const pictureDpi = 400;

/** Mean word confidence below which a page may have been read upside down. */
const uprightConfidence = 60;

/** Stop the OCR engines; the next OCR read starts new ones. */
export const closeReader = closeEngines;

const area = (b: OcrWord['bbox']) => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);

/**
 * One reading per stretch of ink: where two words cover the same spot (a fragment the second
 * pass read over a word the first pass already had), the surer and longer one stays.
 */
function withoutOverlaps(words: OcrWord[]): OcrWord[] {
  const ranked = [...words].sort((a, b) => b.confidence * b.text.length - a.confidence * a.text.length);
  const kept: OcrWord[] = [];
  for (const w of ranked) {
    const own = area(w.bbox);
    const covered = kept.some((k) => {
      const x = Math.min(k.bbox.x1, w.bbox.x1) - Math.max(k.bbox.x0, w.bbox.x0);
      const y = Math.min(k.bbox.y1, w.bbox.y1) - Math.max(k.bbox.y0, w.bbox.y0);
      return x > 0 && y > 0 && x * y > 0.4 * Math.min(own, area(k.bbox));
    });
    if (!covered) kept.push(w);
  }
  return words.filter((w) => kept.includes(w));
}

/** Ink in the top quarter of the page over ink in its bottom quarter. */
function inkTopToBottom(ink: { width: number; height: number; data: Uint8Array }): number {
  const quarter = Math.floor(ink.height / 4) * ink.width;
  const all = ink.height * ink.width;
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < quarter; i++) top += ink.data[i]!;
  for (let i = all - quarter; i < all; i++) bottom += ink.data[i]!;
  return top / Math.max(1, bottom);
}

/**
 * Lets the engines' start-up go on between the steps that clean the page: each step holds this
 * thread, and an engine waits for a turn of it at every stage of starting.
 */
const breath = () => new Promise<void>((resolve) => setImmediate(resolve));

function release(canvas: Canvas): void {
  canvas.width = 0;
  canvas.height = 0;
}

async function readCanvas(source: Canvas, page: number, dpi: number): Promise<PageView> {
  // The page becomes one byte per pixel at once and the RGBA canvas is released now, not at some
  // later GC; turning and cleaning work on the grey copies.
  const scanned = greyBitmap(source);
  release(source);
  await breath();
  const { sideways, skew } = estimateOrientation(scanned);
  const grey = rotateGrey(scanned, -((sideways ? 90 : 0) + skew));
  await breath();
  const ink = binarise(grey);
  await breath();
  let runs = clearRules(ink, Math.round(dpi * 0.6));
  await breath();
  clearSpecksAndBoxes(ink, dpi);
  // An ACORD 25 carries its title, notice and parties at the top and little at the foot, so a
  // page whose ink sits low was most likely fed upside down: it is turned before it is read.
  if (inkTopToBottom(ink) < 0.8) {
    flipInPlace(ink);
    flipInPlace(grey);
    runs = turnedRuns(runs, ink.width, ink.height);
  }
  // A page whose rules stand where the form's do is placed, its prose left out; one whose rules
  // stand there once it is turned over was fed upside down and is turned now, not read as noise first.
  const placed = placeByRules(runs, ink.width, ink.height, dpi);
  if (placed?.turned) {
    flipInPlace(ink);
    flipInPlace(grey);
  }
  if (placed) clearAreas(ink, proseOnPage(placed.match));
  const upright = placed !== null;
  // Tesseract's recogniser reads grey strokes better than our black-and-white copy, whose thin
  // strokes break; the black-and-white copy decides only what is paper.
  let masked = toPgm(grey, ink);
  let first = await recognisePage(masked, ink, dpi);
  // A page the wrong way up reads as low-confidence noise: then it is turned and read again.
  if (!upright && meanConfidence(first) < uprightConfidence) {
    flipInPlace(ink);
    flipInPlace(grey);
    const turned = toPgm(grey, ink);
    const second = await recognisePage(turned, ink, dpi);
    if (meanConfidence(second) > meanConfidence(first)) [masked, first] = [turned, second];
    else {
      flipInPlace(ink);
      flipInPlace(grey);
    }
  }
  const cleaned = pgmBitmap(masked, grey.width, grey.height);
  // Lines asked for at once are shared out between the engines, as areas are below.
  let turn = 0;
  const readLine = (image: Uint8Array, d: number) => recognise(image, d, PSM.SINGLE_LINE, turn++ % engineCount);
  const settled = settleCapitalL(settleLookalikes(await rereadIdentifiers(first, cleaned, dpi, readLine), ink), ink);
  const words = withoutOverlaps(await readSkipped(settled, cleaned, ink, dpi, readLine));
  const k = 72 / dpi;
  const height = grey.height * k;
  const out: Word[] = words.map((x) => ({
    text: repairLabel(capitalI(x.text.trim())),
    x0: x.bbox.x0 * k,
    x1: x.bbox.x1 * k,
    y0: height - x.bbox.y1 * k,
    y1: height - x.bbox.y0 * k,
    page,
    conf: Math.max(0, Math.min(1, x.confidence / 100)),
  }));
  // A boxed answer (the excluded-officers Y/N) went with its box when the page was cleaned, and a
  // lone letter touching a rule lost its stroke there: such areas are read from the page as scanned.
  // Areas asked for at once are shared out between the engines.
  const reread = (area: Box, chars: string, from: RereadSource = 'cleaned') => readArea(from === 'cleaned' ? cleaned : grey, from === 'boxed', dpi, height, page, area, chars, turn++ % engineCount);
  return { page, width: grey.width * k, height, words: out, probe: pixelProbe(grey, 1 / k, height), ocr: true, reread };
}

/** One area of the page (page points) read again, enlarged, as a block of the given glyphs only. */
async function readArea(image: Bitmap, boxed: boolean, dpi: number, height: number, page: number, area: Box, chars: string, slot: number): Promise<Word[]> {
  const k = 72 / dpi;
  const [x0, y0, x1, y1] = [area[0] / k, (height - area[3]) / k, area[2] / k, (height - area[1]) / k];
  if (!(x1 - x0 >= 4 && y1 - y0 >= 4) || x0 >= image.width || y0 >= image.height || x1 <= 0 || y1 <= 0) return [];
  const [ox, oy] = [Math.max(0, Math.floor(x0)), Math.max(0, Math.floor(y0))];
  const pic = enlarged(image, x0, y0, x1, y1);
  const found = await recognise(boxed ? letterInBox(pic, dpi * SCALE) : pic, dpi * SCALE, PSM.SINGLE_BLOCK, slot, chars);
  return found.map((w) => ({
    text: w.text.trim(),
    x0: (ox + w.bbox.x0 / SCALE) * k,
    x1: (ox + w.bbox.x1 / SCALE) * k,
    y0: height - (oy + w.bbox.y1 / SCALE) * k,
    y1: height - (oy + w.bbox.y0 / SCALE) * k,
    page,
    conf: Math.max(0, Math.min(1, w.confidence / 100)),
  }));
}

/** Render a PDF page without a text layer (a `picture`: a scan; else text drawn as outlines) and read it with OCR. */
export async function ocrPdfPage(page: PDFPageProxy, pageNumber: number, maxPixels: number, picture = false): Promise<PageView> {
  startEngines();
  // The engines start while the page is drawn and cleaned.
  const base = page.getViewport({ scale: 1 });
  const dpi = Math.min(picture ? pictureDpi : renderDpi, 72 * Math.sqrt(maxPixels / (base.width * base.height)));
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
  startEngines();
  // A letter-width page gives the scale.
  const dpi = Math.min(image.width, image.height) / 8.5;
  const pixelCap = Math.sqrt(Math.min(maxPixels, 12_000_000) / (image.width * image.height));
  const scale = Math.min(pictureDpi / dpi, pixelCap);
  const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
  const ctx = canvas.getContext('2d');
  // A picture with transparent parts lies on white paper, as it would be printed.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return readCanvas(canvas, pageNumber, dpi * scale);
}
