import type { Extraction } from '../contracts/extraction';
import { UnreadableDocumentError } from '../errors';
import { readFields } from './acroform';
import { missingNotes, readLayout, type LayoutResult } from './layout';
import { defaults, type ReadOptions } from './limits-config';
import { readDrawn } from './drawn';
import { rereadAnswers } from './form/reread';
import { textLayerProbe } from './marks';
import { closeReader, ocrImage, ocrPdfPage } from './ocr';
import { confirmByRereading, rereadNote } from './confirm';
import type { PageView } from './page';
import { openPdf, type PDFDocumentProxy } from './pdf';
import { imageSize, sniff } from './sniff';

export type { ReadOptions };

class Deadline {
  private readonly end: number;
  constructor(ms: number) {
    this.end = Date.now() + ms;
  }
  check(): void {
    if (Date.now() > this.end) {
      throw new UnreadableDocumentError('timeout', 'Reading this document took too long. Try a smaller or clearer copy.');
    }
  }
}

function finish(result: LayoutResult, source: Extraction['source'], pages: number, extra: string[]): Extraction {
  return { ...result, source, pages, warnings: [...result.warnings, ...extra] };
}

/** The document opened again with its glyphs' outlines, for pages that are rendered; opened once, when first needed. */
class Drawing {
  private pdf: Promise<PDFDocumentProxy> | null = null;
  constructor(private readonly bytes: Uint8Array) {}
  page(n: number) {
    this.pdf ??= openPdf(this.bytes, { glyphs: true });
    return this.pdf.then((pdf) => pdf.getPage(n));
  }
  async close() {
    if (this.pdf) await (await this.pdf).destroy();
  }
}

async function pageViews(pdf: PDFDocumentProxy, drawing: Drawing, count: number, opts: Required<ReadOptions>, deadline: Deadline, annotations: boolean) {
  const views: PageView[] = [];
  const warnings: string[] = [];
  for (let n = 1; n <= count; n++) {
    deadline.check();
    const page = await pdf.getPage(n);
    const drawn = await readDrawn(page, n, annotations);
    const words = drawn.words;
    // Few words over pictures or thousands of paths: the text is only ink (a scan, or text
    // printed as outlines), so it is read by OCR.
    if (words.length >= 15 || !(drawn.images || drawn.paths > 400)) {
      const probe = textLayerProbe(words, drawn.marks);
      views.push({ page: n, width: drawn.width, height: drawn.height, words, probe, ocr: false });
    } else if (opts.ocr) {
      views.push(await rereadAnswers(await ocrPdfPage(await drawing.page(n), n, opts.maxPixels, drawn.images)));
    } else warnings.push(`Page ${n} is a picture and was not read.`);
    page.cleanup();
  }
  return { views, warnings };
}

async function readPdf(bytes: Uint8Array, opts: Required<ReadOptions>, deadline: Deadline): Promise<Extraction> {
  const pdf = await openPdf(bytes);
  const drawing = new Drawing(bytes);
  try {
    if (pdf.numPages < 1) throw new UnreadableDocumentError('no_pages', 'This PDF has no pages.');
    if (pdf.numPages > opts.maxDocumentPages) {
      throw new UnreadableDocumentError('too_many_pages', `This PDF has ${pdf.numPages} pages; a certificate should have only a few.`);
    }
    const count = Math.min(pdf.numPages, opts.maxPages);
    const extra = count < pdf.numPages ? [`Only the first ${count} of ${pdf.numPages} pages were read.`] : [];
    const fields = await readFields(pdf, count);
    // A filled form's values come from its named fields; the page's own print (labels, remarks
    // pages) is all the layout needs, and building every widget's appearance costs the most.
    const { views, warnings } = await pageViews(pdf, drawing, count, opts, deadline, !fields);
    deadline.check();
    const layout = readLayout(views);
    if (fields && layout.form) {
      const read = fields.apply(layout);
      return finish({ ...read, warnings: missingNotes(read) }, 'acroform', pdf.numPages, [...extra, ...warnings]);
    }
    const doubts = rereadNote(await confirmByRereading(layout, views));
    const main = views.find((v) => v.page === 1);
    return finish(layout, main?.ocr ? 'ocr' : 'text', pdf.numPages, [...extra, ...warnings, ...doubts]);
  } finally {
    await drawing.close();
    await pdf.destroy();
  }
}

async function readImage(bytes: Uint8Array, kind: 'png' | 'jpeg', opts: Required<ReadOptions>): Promise<Extraction> {
  const { width, height } = imageSize(bytes, kind);
  if (width * height > opts.maxPixels) {
    throw new UnreadableDocumentError('image_too_large', `This picture is too large to read (${width} x ${height} pixels).`);
  }
  if (width < 200 || height < 200) throw new UnreadableDocumentError('image_too_small', 'This picture is too small to read.');
  const view = await rereadAnswers(await ocrImage(bytes, 1, opts.maxPixels));
  const layout = readLayout([view]);
  return finish(layout, 'ocr', 1, rereadNote(await confirmByRereading(layout, [view])));
}

/** Reads in progress in this thread; the OCR engine is stopped when the last one ends. */
let reading = 0;

/** Read an ACORD 25 certificate (PDF, PNG or JPEG bytes) into the extraction contract. */
export async function readCertificate(bytes: Uint8Array, options: ReadOptions = {}): Promise<Extraction> {
  const opts = { ...defaults, ...options };
  const deadline = new Deadline(opts.timeoutMs);
  const kind = sniff(bytes);
  reading++;
  try {
    if (kind === 'pdf') return await readPdf(bytes, opts, deadline);
    return await readImage(bytes, kind, opts);
  } finally {
    // The OCR engine's memory grows with every page and never shrinks, so once no read is in
    // progress an engine that was used is stopped; the next scan starts a fresh one.
    if (--reading === 0) await closeReader();
  }
}
