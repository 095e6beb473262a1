import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { binarise } from './clean';
import { capitalI, settleCapitalL, settleLookalikes } from './glyphs';
import { greyBitmap } from './raster';

/** One identifier printed at about 300 dpi 9-point size, as black-and-white ink, and its box. */
function printed(text: string, family: string) {
  const canvas = createCanvas(420, 80);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 420, 80);
  ctx.fillStyle = '#000';
  ctx.font = `36px "${family}"`;
  ctx.fillText(text, 20, 55);
  const ink = binarise(greyBitmap(canvas));
  let [x0, y0, x1, y1] = [420, 80, 0, 0];
  for (let y = 0; y < 80; y++)
    for (let x = 0; x < 420; x++)
      if (ink.data[y * 420 + x]) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return { ink, bbox: { x0, y0, x1, y1 } };
}

const settle = (truth: string, read: string, family: string) => {
  const { ink, bbox } = printed(truth, family);
  return settleLookalikes([{ text: read, confidence: 70, bbox }], ink)[0]!.text;
};

describe('settleLookalikes', () => {
  for (const family of ['Liberation Sans', 'Liberation Serif'])
    it(`tells the letter O from the digit 0 by width in ${family}`, () => {
      expect(settle('M33OX22069', 'M330X22O69', family)).toBe('M33OX22069');
      expect(settle('G05JR84055', 'GO5JR84O55', family)).toBe('G05JR84055');
    });

  it('reads a bare upright stroke in a sans-serif face as the letter I', () => {
    expect(settle('4675I6519', '467516519', 'Liberation Sans')).toBe('4675I6519');
  });

  it('leaves a serif I, symmetric as it is, to the reading', () => {
    expect(settle('4675I6519', '4675I6519', 'Liberation Serif')).toBe('4675I6519');
  });

  it('leaves a word alone when its glyphs cannot be matched one to one with the reading', () => {
    expect(settle('M33OX22069', 'M330X2269', 'Liberation Sans')).toBe('M330X2269');
  });

  it('leaves words that are not identifiers alone', () => {
    expect(settle('BOOK 2', 'B00K 2', 'Liberation Sans')).toBe('B00K 2');
  });
});

describe('settleCapitalL', () => {
  const first = (truth: string, read: string, family: string) => {
    const { ink, bbox } = printed(truth, family);
    return settleCapitalL([{ text: read, confidence: 36, bbox }], ink)[0]!.text;
  };

  for (const family of ['Liberation Sans', 'Liberation Serif'])
    it(`gives back the L of a name read as a stroke when the ink has its foot (${family})`, () => {
      expect(first('Lee', '|ee', family)).toBe('Lee');
      expect(first('Lee', '1,ee', family)).toBe('Lee');
    });

  it('leaves a stroke without a foot as read', () => {
    expect(first('Ian', 'Ian', 'Liberation Sans')).toBe('Ian');
    expect(first('Ian', '|an', 'Liberation Serif')).toBe('|an');
  });
});

describe('capitalI', () => {
  it.each([
    ['Lnsurance', 'Insurance'],
    ['Lronwood', 'Ironwood'],
    ['OIson', 'Olson'],
    ['EIm', 'Elm'],
  ])('reads %s as %s', (read, meant) => expect(capitalI(read)).toBe(meant));

  it.each(['Insurance', 'Lloyds', 'IL', 'AIG', 'Elm', 'LLC'])('keeps %s', (word) => expect(capitalI(word)).toBe(word));
});
