import { PDFDocument, PDFName, PDFString, StandardFonts, degrees, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readDrawn } from './drawn';
import { openPdf } from './pdf';

async function drawnOf(build: (doc: PDFDocument) => Promise<void>) {
  const doc = await PDFDocument.create();
  await build(doc);
  const pdf = await openPdf(await doc.save());
  try {
    return await readDrawn(await pdf.getPage(1), 1);
  } finally {
    await pdf.destroy();
  }
}

/** A FreeText annotation whose appearance prints `text`, as PDF editors add typed text. */
async function freeText(doc: PDFDocument, text: string, rect: [number, number, number, number]) {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.getPage(0);
  const stream = doc.context.stream(`BT /F1 9 Tf 2 3 Td (${text}) Tj ET`, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, rect[2] - rect[0], rect[3] - rect[1]],
    Resources: { Font: { F1: font.ref } },
  });
  const ap = doc.context.register(stream);
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'FreeText',
    F: 4,
    Rect: rect,
    Contents: PDFString.of(text),
    DA: PDFString.of('/Helv 9 Tf 0 g'),
    AP: { N: ap },
  });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
}

describe('reading what a PDF page draws', () => {
  it('joins glyphs drawn one by one into words, and keeps words apart at a space', async () => {
    const { words } = await drawnOf(async (doc) => {
      const page = doc.addPage([612, 792]);
      const font = await doc.embedFont(StandardFonts.Helvetica);
      let x = 100;
      for (const ch of 'POLICY') {
        page.drawText(ch, { x, y: 700, size: 8, font });
        x += font.widthOfTextAtSize(ch, 8) + 0.6;
      }
      x += font.widthOfTextAtSize(' ', 8) + 1.2;
      for (const ch of 'NUMBER') {
        page.drawText(ch, { x, y: 700, size: 8, font });
        x += font.widthOfTextAtSize(ch, 8) + 0.6;
      }
    });
    expect(words.map((w) => w.text)).toEqual(['POLICY', 'NUMBER']);
  });

  it('joins an amount whose first digit is set in another font', async () => {
    const { words } = await drawnOf(async (doc) => {
      const page = doc.addPage([612, 792]);
      const bold = await doc.embedFont(StandardFonts.HelveticaBold);
      const plain = await doc.embedFont(StandardFonts.Helvetica);
      page.drawText('5', { x: 500, y: 300, size: 9, font: bold });
      page.drawText(',000,000', { x: 500 + bold.widthOfTextAtSize('5', 9), y: 300, size: 9, font: plain });
    });
    expect(words.map((w) => w.text)).toEqual(['5,000,000']);
  });

  it('leaves out text an opaque patch covers, and keeps what is printed on the patch', async () => {
    const { words } = await drawnOf(async (doc) => {
      const page = doc.addPage([612, 792]);
      const font = await doc.embedFont(StandardFonts.Helvetica);
      page.drawText('Old Carrier Co', { x: 350, y: 614, size: 8, font });
      page.drawRectangle({ x: 348, y: 610, width: 180, height: 12, color: rgb(1, 1, 1) });
      page.drawText('New Carrier Co', { x: 350, y: 614, size: 8, font });
    });
    expect(words.map((w) => w.text).join(' ')).toBe('New Carrier Co');
  });

  it('reads text typed into a FreeText annotation', async () => {
    const { words } = await drawnOf(async (doc) => {
      doc.addPage([612, 792]);
      await freeText(doc, 'CXS4071612', [216, 322, 290, 334]);
    });
    expect(words).toEqual([expect.objectContaining({ text: 'CXS4071612' })]);
    expect(words[0]!.x0).toBeGreaterThan(216);
    expect(words[0]!.y0).toBeGreaterThan(320);
  });

  it('reads a page printed sideways in the frame its text reads in', async () => {
    const drawn = await drawnOf(async (doc) => {
      const page = doc.addPage([612, 792]);
      const font = await doc.embedFont(StandardFonts.Helvetica);
      // Read upwards, the top of the text points left: the title is the leftmost line.
      page.drawText('CERTIFICATE OF LIABILITY INSURANCE', { x: 100, y: 100, size: 12, font, rotate: degrees(90) });
      page.drawText('PRODUCER', { x: 200, y: 100, size: 8, font, rotate: degrees(90) });
    });
    expect(drawn.quarter).toBe(1);
    expect(drawn.words.map((w) => w.text)).toEqual(['CERTIFICATE', 'OF', 'LIABILITY', 'INSURANCE', 'PRODUCER']);
    expect([drawn.width, drawn.height]).toEqual([792, 612]);
    // The title's line is above PRODUCER's once the page is turned upright.
    expect(drawn.words[0]!.y0).toBeGreaterThan(drawn.words[4]!.y1);
  });

  it('takes a cross drawn as strokes for a mark, and a thin rule for none', async () => {
    const { marks } = await drawnOf(async (doc) => {
      const page = doc.addPage([612, 792]);
      page.drawLine({ start: { x: 120, y: 470 }, end: { x: 127, y: 477 }, thickness: 0.8 });
      page.drawLine({ start: { x: 120, y: 477 }, end: { x: 127, y: 470 }, thickness: 0.8 });
      page.drawRectangle({ x: 30, y: 400, width: 12, height: 0.5, color: rgb(0, 0, 0) });
    });
    expect(marks.length).toBeGreaterThanOrEqual(1);
    expect(marks.every((m) => m[0] > 110 && m[2] < 135)).toBe(true);
  });
});
