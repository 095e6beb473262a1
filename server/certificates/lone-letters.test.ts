import { describe, expect, it } from 'vitest';
import type { Bitmap } from './clean';
import { readSkipped, type OcrWord } from './lone-letters';

/** A page with one printed word (covered by a first-pass reading) and one lone letter-sized blob. */
function page(): { ink: Bitmap; grey: Bitmap; first: OcrWord[] } {
  const width = 300, height = 100;
  const ink: Bitmap = { width, height, data: new Uint8Array(width * height) };
  const grey: Bitmap = { width, height, data: new Uint8Array(width * height).fill(255) };
  const mark = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        ink.data[y * width + x] = 1;
        grey.data[y * width + x] = 0;
      }
  };
  mark(20, 120, 40, 60); // the word
  // A C: a ring open on the right, 16 wide and 20 tall.
  mark(200, 203, 40, 59);
  mark(200, 215, 40, 43);
  mark(200, 215, 56, 59);
  const first = [{ text: 'INSURER', confidence: 95, bbox: { x0: 20, y0: 40, x1: 120, y1: 60 } }];
  return { ink, grey, first };
}

const reading = (text: string, confidence: number) => async () => [{ text, confidence, bbox: { x0: 10, y0: 10, x1: 40, y1: 50 } }];

describe('readSkipped', () => {
  it('adds a lone letter read again with confidence', async () => {
    const { ink, grey, first } = page();
    const out = await readSkipped(first, grey, ink, 300, reading('C', 85));
    expect(out.map((w) => w.text)).toEqual(['INSURER', 'C']);
  });

  it('takes a single blob read as a capital and its small letter ("Cc") for the capital', async () => {
    const { ink, grey, first } = page();
    const out = await readSkipped(first, grey, ink, 300, reading('Cc', 55));
    expect(out.map((w) => w.text)).toEqual(['INSURER', 'C']);
    expect(out[1]!.confidence).toBe(55);
  });

  it('leaves out readings the engine is unsure of, or two different letters', async () => {
    const { ink, grey, first } = page();
    expect((await readSkipped(first, grey, ink, 300, reading('Cc', 40))).map((w) => w.text)).toEqual(['INSURER']);
    expect((await readSkipped(first, grey, ink, 300, reading('Ce', 55))).map((w) => w.text)).toEqual(['INSURER']);
    expect((await readSkipped(first, grey, ink, 300, reading('C', 55))).map((w) => w.text)).toEqual(['INSURER']);
  });
});
