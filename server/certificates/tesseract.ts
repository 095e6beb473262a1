// The OCR engines: Tesseract workers, started on first use and stopped when no read is in
// progress. Two engines read the two halves of a page side by side, which halves a scan's wait
// on a machine with two cores or more; a page's text, not its pixels, sets Tesseract's time.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { OcrWord } from './lone-letters';

const require = createRequire(import.meta.url);
const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

/** Engines a page is shared between. */
export const engineCount = Math.max(1, Math.min(2, availableParallelism()));

interface Engine {
  worker: Promise<Worker>;
  dpi: number;
  mode: PSM;
  /** The only glyphs the engine may read ('' for any). */
  chars: string;
  /** The last reading asked of this engine: a reading sets its parameters only after it. */
  queue: Promise<unknown>;
}

let engines: (Engine | null)[] = [];

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

function engine(slot: number): Engine {
  const known = engines[slot];
  if (known) return known;
  const worker = withoutImportFlags(() =>
    createWorker('eng', OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true }).then(async (w) => {
      // debug_file: Tesseract's own notes ("Detected 12 diacritics") would go to standard output.
      // tessedit_do_invert: a line read with doubt is not read again as white-on-black print,
      // which certificates do not carry; that second reading cost about a tenth of the OCR time.
      await w.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, preserve_interword_spaces: '0', debug_file: '/dev/null', tessedit_do_invert: '0' });
      return w;
    }),
  );
  const created: Engine = { worker, dpi: 0, mode: PSM.SPARSE_TEXT, chars: '', queue: Promise.resolve() };
  engines[slot] = created;
  return created;
}

/**
 * Start every engine now, without waiting: loading the model takes most of a second, which is
 * then spent while the page is drawn and cleaned on this thread rather than after it.
 */
export function startEngines(): void {
  for (let slot = 0; slot < engineCount; slot++) engine(slot);
}

/** Stop the OCR engines; the next OCR read starts new ones. */
export async function closeEngines(): Promise<void> {
  const current = engines;
  engines = [];
  await Promise.all(current.map(async (e) => e && (await e.worker).terminate()));
}

export function meanConfidence(words: { text: string; confidence: number }[]): number {
  const useful = words.filter((w) => w.text.length > 2);
  return useful.length ? useful.reduce((s, w) => s + w.confidence, 0) / useful.length : 0;
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

/**
 * A word is only as sure as its least sure glyph: Tesseract gives "Priva" 89 for the word while
 * it doubted the v; one misread glyph is a wrong value.
 */
function surest(w: OcrWord & { symbols?: { confidence: number }[] }): OcrWord {
  const glyphs = w.symbols?.map((g) => g.confidence) ?? [];
  return { text: w.text, bbox: w.bbox, confidence: Math.min(w.confidence, ...glyphs) };
}

/** Words Tesseract reads in an image (PBM or PGM bytes), on one engine, of the given glyphs only ('' for any). */
export function recognise(image: Uint8Array, dpi: number, mode: PSM = PSM.SPARSE_TEXT, slot = 0, chars = ''): Promise<OcrWord[]> {
  const e = engine(slot);
  const done = e.queue.then(() => recogniseNow(e, image, dpi, mode, chars));
  e.queue = done.catch(() => undefined);
  return done;
}

async function recogniseNow(e: Engine, image: Uint8Array, dpi: number, mode: PSM, chars: string): Promise<OcrWord[]> {
  const w = await e.worker;
  // A bare bitmap carries no resolution; Tesseract sizes its noise filters from this one.
  if (dpi !== e.dpi) await w.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
  e.dpi = dpi;
  if (mode !== e.mode) await w.setParameters({ tessedit_pageseg_mode: mode });
  e.mode = mode;
  if (chars !== e.chars) await w.setParameters({ tessedit_char_whitelist: chars });
  e.chars = chars;
  const { data } = await w.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false });
  const words: OcrWord[] = [];
  for (const block of data.blocks ?? []) for (const para of block.paragraphs) for (const line of para.lines) words.push(...withLineHeight(line.words.map(surest)));
  return words.filter((x) => /[A-Za-z0-9&]/.test(x.text));
}

/** Rows [from, to) of a PGM image, as a PGM image. */
function pgmRows(pgm: Uint8Array, width: number, height: number, from: number, to: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${to - from}\n255\n`);
  const start = pgm.length - width * height + from * width;
  const out = new Uint8Array(header.length + width * (to - from));
  out.set(header);
  out.set(pgm.subarray(start, start + width * (to - from)), header.length);
  return out;
}

/**
 * Where to cut a page in two for two engines: the emptiest row near where half the page's ink
 * lies above it. An engine's time follows the text it reads, so the halves take about as long
 * (a page whose prose was left out carries less text at the top); a cut there splits no line.
 */
function quietRow(ink: { width: number; height: number; data: Uint8Array }): number {
  const rows = new Float64Array(ink.height);
  let total = 0;
  for (let y = 0, i = 0; y < ink.height; y++) {
    let n = 0;
    for (let x = 0; x < ink.width; x++, i++) n += ink.data[i]!;
    rows[y] = n;
    total += n;
  }
  let middle = Math.floor(ink.height / 2);
  for (let y = 0, above = 0; y < ink.height; y++) {
    above += rows[y]!;
    if (above >= total / 2) {
      middle = y;
      break;
    }
  }
  const from = Math.max(Math.floor(ink.height * 0.25), middle - Math.floor(ink.height * 0.06));
  const to = Math.min(Math.floor(ink.height * 0.75), middle + Math.floor(ink.height * 0.06));
  let best = Math.min(Math.max(middle, from), to);
  let least = Infinity;
  for (let y = from; y < to; y++) if (rows[y]! < least) [least, best] = [rows[y]!, y];
  return best;
}

/** A whole page's words, its halves read by two engines at once where there are two. */
export async function recognisePage(pgm: Uint8Array, ink: { width: number; height: number; data: Uint8Array }, dpi: number): Promise<OcrWord[]> {
  if (engineCount < 2) return recognise(pgm, dpi);
  const cut = quietRow(ink);
  const [top, bottom] = await Promise.all([
    recognise(pgmRows(pgm, ink.width, ink.height, 0, cut), dpi, PSM.SPARSE_TEXT, 0),
    recognise(pgmRows(pgm, ink.width, ink.height, cut, ink.height), dpi, PSM.SPARSE_TEXT, 1),
  ]);
  return [...top, ...bottom.map((w) => ({ ...w, bbox: { ...w.bbox, y0: w.bbox.y0 + cut, y1: w.bbox.y1 + cut } }))];
}

export { PSM };
