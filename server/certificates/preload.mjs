// Loaded with `node --import` before tsx (see package.json). pdf.js is 2 to 3 MB of JavaScript
// with dynamic imports; when tsx loads it, it rewrites those imports and inlines a detailed
// source map, which costs a process about 370 MB. Loaded first, pdf.js is imported as it is and
// tsx later finds it already in the module cache.
import { inflateSync } from 'node:zlib';
import { isMainThread } from 'node:worker_threads';
import { DOMMatrix, ImageData, Path2D } from '@napi-rs/canvas';

/** The most one stream may inflate to here; pdf-bounds.ts has already bounded every stream. */
const inflateCeiling = 256 * 1024 * 1024;

/**
 * pdf.js inflates each Flate stream (page content, fonts) through a DecompressionStream. Node's
 * web streams cost more than the inflating itself: about a tenth of a text certificate's read.
 * This one takes the bytes written, inflates them in one call when the writer closes, and gives
 * them as one chunk; a damaged stream throws, and pdf.js then inflates it with its own decoder,
 * as it does when the built-in one refuses it.
 */
class OneCallInflate {
  constructor(format) {
    if (format !== 'deflate') throw new TypeError(`Unsupported format ${format}`);
    const chunks = [];
    let closed;
    const done = new Promise((resolve) => (closed = resolve));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: async (chunk) => void chunks.push(chunk),
        close: async () => closed(),
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await done;
        yield new Uint8Array(inflateSync(Buffer.concat(chunks), { maxOutputLength: inflateCeiling }));
      },
    };
  }
}

export async function loadPdfjs() {
  // pdf.js reads these at load; ours must be the ones it finds (see canvas-globals.ts).
  globalThis.Path2D ??= Path2D;
  globalThis.DOMMatrix ??= DOMMatrix;
  globalThis.ImageData ??= ImageData;
  globalThis.DecompressionStream = OneCallInflate;
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
