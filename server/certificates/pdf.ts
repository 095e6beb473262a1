import './canvas-globals';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { UnreadableDocumentError } from '../errors';
import { defaults } from './limits-config';
import type { Word } from './words';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
export const standardFontDataUrl = path.join(pdfjsRoot, 'standard_fonts') + path.sep;

export type { PDFDocumentProxy, PDFPageProxy };

/**
 * pdf.js would make its scratch canvases with its own nested copy of @napi-rs/canvas; mixing
 * those with ours crashes the process, so every canvas comes from the copy we use.
 */
class CanvasFactory {
  constructor(_options: { enableHWA?: boolean } = {}) {}

  create(width: number, height: number) {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = createCanvas(Math.ceil(width), Math.ceil(height));
    return { canvas, context: canvas.getContext('2d') };
  }

  reset(target: { canvas: Canvas | null }, width: number, height: number) {
    if (!target.canvas) throw new Error('Canvas is not specified');
    target.canvas.width = Math.ceil(width);
    target.canvas.height = Math.ceil(height);
  }

  destroy(target: { canvas: Canvas | null; context: unknown }) {
    if (target.canvas) {
      target.canvas.width = 0;
      target.canvas.height = 0;
    }
    target.canvas = null;
    target.context = null;
  }
}

/**
 * Where pdf.js "loads" a page's fonts: a document whose font set takes each font and draws with
 * none. Reading text needs each glyph's code and width, never its outline; with font faces
 * disabled pdf.js would build and send every glyph's path, a fifth of a text certificate's read.
 * A page that is drawn (rendered for OCR) needs those paths: it is opened with `glyphs`.
 */
const fontless = { fonts: { add: () => undefined, delete: () => undefined } };

export async function openPdf(bytes: Uint8Array, { glyphs = false }: { glyphs?: boolean } = {}): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of the buffer it is given; a copy keeps the caller's bytes intact.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    ...(glyphs ? { disableFontFace: true } : { disableFontFace: false, ownerDocument: fontless as unknown as Document }),
    standardFontDataUrl,
    stopAtErrors: false,
    // Pictures larger than the reader reads at all are skipped before they are decoded.
    maxImageSize: defaults.maxPixels,
    CanvasFactory,
  } as Parameters<typeof pdfjs.getDocument>[0]);
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name ?? '';
    if (name === 'PasswordException') {
      throw new UnreadableDocumentError('encrypted_pdf', 'This PDF is password-protected. Ask for an unprotected copy.');
    }
    throw new UnreadableDocumentError('corrupt_pdf', 'This PDF is damaged and cannot be opened. Ask for a new copy.');
  }
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Text-layer runs split into words, in page points with the origin at the bottom left. */
export async function textWords(page: PDFPageProxy, pageNumber: number): Promise<Word[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: Word[] = [];
  for (const raw of content.items) {
    const item = raw as TextItem;
    if (!item.str || !item.transform) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01) continue;
    const size = Math.hypot(c, d) || item.height || Math.abs(a);
    const perChar = item.width / Math.max(1, item.str.length);
    for (const m of item.str.matchAll(/\S+/g)) {
      const x0 = e + m.index * perChar;
      const x1 = x0 + m[0].length * perChar;
      const [vx0, vy0] = viewport.convertToViewportPoint(x0, f - 0.2 * size);
      const [vx1, vy1] = viewport.convertToViewportPoint(x1, f + 0.8 * size);
      words.push({
        text: m[0],
        x0: Math.min(vx0!, vx1!),
        x1: Math.max(vx0!, vx1!),
        y0: viewport.height - Math.max(vy0!, vy1!),
        y1: viewport.height - Math.min(vy0!, vy1!),
        page: pageNumber,
        conf: 1,
      });
    }
  }
  return words;
}

export async function pageHasImages(page: PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  const { paintImageXObject, paintInlineImageXObject, paintImageMaskXObject } = pdfjs.OPS;
  return ops.fnArray.some((fn) => fn === paintImageXObject || fn === paintInlineImageXObject || fn === paintImageMaskXObject);
}
