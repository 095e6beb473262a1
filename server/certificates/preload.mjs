// Loaded with `node --import` before tsx (see package.json). pdf.js is 2 to 3 MB of JavaScript
// with dynamic imports; when tsx loads it, it rewrites those imports and inlines a detailed
// source map, which costs a process about 370 MB. Loaded first, pdf.js is imported as it is and
// tsx later finds it already in the module cache.
import { isMainThread } from 'node:worker_threads';
import { DOMMatrix, ImageData, Path2D } from '@napi-rs/canvas';

export async function loadPdfjs() {
  // pdf.js reads these at load; ours must be the ones it finds (see canvas-globals.ts).
  globalThis.Path2D ??= Path2D;
  globalThis.DOMMatrix ??= DOMMatrix;
  globalThis.ImageData ??= ImageData;
  // The legacy build brings core-js, which swaps the engine's own Array.prototype.push and
  // JSON.parse for JavaScript versions over spec corner cases (lengths past 2^32, a reviver's
  // source text) that nothing here uses. They are slower and would serve the whole process,
  // so the engine's own are put back.
  const { push } = Array.prototype;
  const { parse } = JSON;
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  Array.prototype.push = push;
  JSON.parse = parse;
}

// Worker threads inherit `--import`; the OCR engine's thread has no use for pdf.js, and the
// reader's thread calls loadPdfjs() itself (isolated.ts).
if (isMainThread) await loadPdfjs();
