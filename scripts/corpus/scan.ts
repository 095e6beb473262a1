import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { openPdf } from '../../server/certificates/pdf';
import type { Rng } from './rng';

export interface ScanOptions {
  dpi?: number;
  photo?: boolean;
  /** A photo's file type; by default a PNG now and then (noise makes those large). */
  photoType?: 'png' | 'jpg';
}

async function renderFirstPage(bytes: Uint8Array, dpi: number): Promise<Canvas> {
  const pdf = await openPdf(bytes, { glyphs: true });
  try {
    const page = await pdf.getPage(1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
    return canvas;
  } finally {
    await pdf.destroy();
  }
}

/** Turn the page by a quarter turn plus a small skew, as a feeder scanner or phone would. */
function turn(source: Canvas, quarter: number, skewDeg: number): Canvas {
  const swap = quarter % 2 === 1;
  const w = swap ? source.height : source.width;
  const h = swap ? source.width : source.height;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((quarter * 90 + skewDeg) * (Math.PI / 180));
  ctx.drawImage(source, -source.width / 2, -source.height / 2);
  return canvas;
}

function addNoise(canvas: Canvas, rng: Rng): void {
  const ctx = canvas.getContext('2d');
  // @napi-rs/canvas applies the current transform to putImageData (browsers do not): start from none.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const data = image.data;
  const grey = rng.int(225, 245);
  for (let i = 0; i < data.length; i += 4) {
    const n = rng.next();
    const v = data[i]! > 200 ? (n < 0.004 ? 90 : grey + Math.floor(n * 10)) : data[i]! + Math.floor(n * 40);
    data[i] = data[i + 1] = data[i + 2] = Math.min(255, v);
  }
  ctx.putImageData(image, 0, 0);
}

/** A scanned copy of the first page: a JPEG inside a PDF, or a bare picture for `photo`. */
export async function scanDocument(pdf: Uint8Array, rng: Rng, options: ScanOptions = {}): Promise<{ bytes: Uint8Array; ext: 'pdf' | 'png' | 'jpg' }> {
  const dpi = options.dpi ?? 200;
  const page = await renderFirstPage(pdf, dpi);
  const quarter = rng.pick([0, 0, 1, 2, 3]);
  const skew = rng.range(-2, 2);
  const turned = turn(page, quarter, skew);
  addNoise(turned, rng);
  if (options.photo) {
    const png = options.photoType ? options.photoType === 'png' : rng.chance(0.4);
    const bytes = png ? await turned.encode('png') : await turned.encode('jpeg', 70);
    return { bytes: new Uint8Array(bytes), ext: png ? 'png' : 'jpg' };
  }
  const jpeg = await turned.encode('jpeg', 65);
  const doc = await PDFDocument.create();
  doc.setProducer('Microsoft: Print To PDF');
  const image = await doc.embedJpg(jpeg);
  const w = (turned.width * 72) / dpi;
  const h = (turned.height * 72) / dpi;
  const out = doc.addPage([w, h]);
  out.drawImage(image, { x: 0, y: 0, width: w, height: h });
  return { bytes: await doc.save(), ext: 'pdf' };
}
