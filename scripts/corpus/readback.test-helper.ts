// Reads a generated PDF back with pdf.js, as a reader would, for the generator's own tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Box } from './form';

const standardFontDataUrl = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

export interface Item {
  str: string;
  x: number;
  y: number;
  font: string;
}

export interface PageRead {
  items: Item[];
  /** Bounding boxes of drawn paths, in the coordinates they were drawn in (before any page-wide cm). */
  paths: Box[];
  annotations: number;
}

export async function readPage(bytes: Uint8Array, pageNumber = 1): Promise<PageRead> {
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, standardFontDataUrl, isEvalSupported: false }).promise;
  try {
    const page = await pdf.getPage(pageNumber);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const raw of content.items) {
      if (!('str' in raw) || !raw.str) continue;
      items.push({ str: raw.str, x: raw.transform[4]!, y: raw.transform[5]!, font: content.styles[raw.fontName]?.fontFamily ?? raw.fontName });
    }
    const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    const paths: Box[] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn !== pdfjs.OPS.constructPath) return;
      const minMax = (ops.argsArray[i] as unknown[])[2] as number[] | undefined;
      if (minMax) paths.push([minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!]);
    });
    const annotations = (await page.getAnnotations()).length;
    return { items, paths, annotations };
  } finally {
    await pdf.destroy();
  }
}

export async function pageCount(bytes: Uint8Array): Promise<number> {
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, standardFontDataUrl }).promise;
  const n = pdf.numPages;
  await pdf.destroy();
  return n;
}
