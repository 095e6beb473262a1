import { constants, inflateSync } from 'node:zlib';
import { UnreadableDocumentError } from '../errors';
import { defaults } from './limits-config';

// Checks what a PDF's streams would expand to before pdf.js decodes any of them. A few hundred
// KB of Flate data can hold gigabytes (a "bomb"), and a small file can declare a picture of
// billions of pixels; either would exhaust the reader. Every stream in a PDF sits in the file
// itself (object streams hold no streams), so scanning the raw bytes sees them all.

export interface PdfBounds {
  /** Largest decoded stream that is not a picture (page content, fonts, object streams). */
  maxStreamBytes: number;
  /** Largest picture, width x height. */
  maxPixels: number;
  /** All decoded streams together. */
  maxTotalBytes: number;
}

export const pdfBounds: PdfBounds = {
  maxStreamBytes: 32 * 1024 * 1024,
  maxPixels: defaults.maxPixels,
  maxTotalBytes: 1024 * 1024 * 1024,
};

const maxDeflateRatio = 1032;

export const unsafePdfMessage = 'This PDF is built in a way that cannot be read safely: a part of it would expand to far more data than a certificate holds.';

function unsafe(): UnreadableDocumentError {
  return new UnreadableDocumentError('unsafe_pdf', unsafePdfMessage);
}

/** The dictionary text that ends just before `end` (the `>>` before a `stream` keyword). */
function dictionaryBefore(text: string, end: number): string {
  let depth = 0;
  for (let i = end; i > 0 && end - i < 65_536; i--) {
    if (text[i] === '>' && text[i - 1] === '>') {
      depth++;
      i--;
    } else if (text[i] === '<' && text[i - 1] === '<') {
      depth--;
      i--;
      if (depth === 0) return text.slice(i, end + 1);
    }
  }
  return '';
}

function integer(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\b(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** Decoded bytes allowed for one stream: a picture's own size, or the general bound. */
function allowance(dict: string, b: PdfBounds): number {
  if (!/\/Subtype\s*\/Image\b/.test(dict)) return b.maxStreamBytes;
  const width = integer(dict, 'Width');
  const height = integer(dict, 'Height');
  if (width !== null && height !== null) {
    if (width * height > b.maxPixels) throw unsafe();
    // Up to four 16-bit channels, a predictor byte per row, and some slack.
    return width * height * 8 + height + 1024 * 1024;
  }
  return b.maxPixels * 4;
}

/** Throws UnreadableDocumentError('unsafe_pdf') when a stream would decode past its bounds. */
export function checkPdfBounds(bytes: Uint8Array, b: PdfBounds = pdfBounds): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  const keyword = />>\s*stream(\r\n|\n|\r)/g;
  // Deflate expands data at most about 1032 times, so a stream too short to pass its bound even
  // then is not decoded: its greatest size is counted instead, within half the total allowance.
  // The other half is for the streams that are decoded, counted at their real size.
  const half = b.maxTotalBytes / 2;
  let total = 0;
  let undecoded = 0;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    const dict = dictionaryBefore(text, m.index + 1);
    const start = m.index + m[0].length;
    const length = integer(dict, 'Length');
    let end = length !== null && start + length <= buffer.length ? start + length : text.indexOf('endstream', start);
    if (end < 0) end = buffer.length;
    keyword.lastIndex = Math.max(keyword.lastIndex, end);
    const limit = allowance(dict, b);
    // Only a first Flate filter is decoded here; other filters expand little or are bounded by the reader's own limits.
    if (!/\/Filter\s*\[?\s*\/(FlateDecode|Fl)\b/.test(dict)) continue;
    const most = (end - start) * maxDeflateRatio;
    if (most <= limit && undecoded + most <= half) {
      undecoded += most;
      continue;
    }
    const budget = Math.min(limit, half - total) + 1;
    let size: number;
    try {
      size = inflateSync(buffer.subarray(start, end), { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw unsafe();
      continue; // damaged data: pdf.js decides what it can use
    }
    if (size >= budget) throw unsafe();
    total += size;
  }
}
