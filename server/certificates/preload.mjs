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
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

// Worker threads inherit `--import`; the OCR engine's thread has no use for pdf.js, and the
// reader's thread calls loadPdfjs() itself (isolated.ts).
if (isMainThread) await loadPdfjs();
