import { describe, expect, it } from 'vitest';
import { cleanEmail, findAnchors, lettersInOrder, readHeader, withoutLetter } from './header';
import type { PageView } from './page';
import { Provenance } from './provenance';
import type { Word } from './words';

describe('lettersInOrder', () => {
  it('keeps letters read in order', () => expect(lettersInOrder(['A', 'B', 'D'])).toEqual(['A', 'B', 'D']));

  it('gives a dropped or repeated letter the one after the row above', () => {
    expect(lettersInOrder(['A', 'B', '', 'D'])).toEqual(['A', 'B', 'C', 'D']);
    expect(lettersInOrder(['A', 'B', 'D', 'D', 'E'])).toEqual(['A', 'B', 'D', 'E', 'F']);
  });

  it('gives all six rows the letters of their places', () => {
    expect(lettersInOrder(['A', 'B', 'D', 'D', 'E', 'F'])).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});

describe('cleanEmail', () => {
  it('reads an address as OCR gives it', () => {
    expect(cleanEmail('|ee@cobaltins.com')).toBe('lee@cobaltins.com');
    expect(cleanEmail('[ee@summitins.com')).toBe('lee@summitins.com');
    expect(cleanEmail('priya graniteins.com')).toBe('priya@graniteins.com');
    expect(cleanEmail('marco@ summitins.com')).toBe('marco@summitins.com');
    expect(cleanEmail('dana®@lakesideins.com (555) 123-4567')).toBe('dana@lakesideins.com');
  });
});

describe('withoutLetter', () => {
  it("drops the row's letter OCR read again before an insurer's name, and only that", () => {
    expect(withoutLetter('OD Northern Plains Indemnity Company', 'D')).toBe('Northern Plains Indemnity Company');
    expect(withoutLetter('BAtlas Casualty Insurance Co', 'B')).toBe('Atlas Casualty Insurance Co');
    expect(withoutLetter('AIG Specialty Insurance Company', 'A')).toBe('AIG Specialty Insurance Company');
    expect(withoutLetter('Keel Assurance Company', 'B')).toBe('Keel Assurance Company');
  });
});

describe('readHeader: producer phone and fax', () => {
  /** Words of one line from x, about 5 points a glyph, on a 612 x 792 OCR page. */
  const line = (y: number, x: number, text: string): Word[] =>
    text.split(' ').map((t) => {
      const w: Word = { text: t, x0: x, x1: x + 5 * t.length, y0: y, y1: y + 6, page: 1, conf: 0.9 };
      x += 5 * t.length + 4;
      return w;
    });

  const read = (...lines: Word[][]) => {
    const words = [
      ...line(700, 30, 'PRODUCER'),
      ...line(700, 310, 'CONTACT NAME: Lee Okafor'),
      ...lines.flat(),
      ...line(660, 310, 'INSURER A : Ironwood Fire & Marine'),
      ...line(640, 30, 'INSURED'),
    ];
    const view: PageView = { page: 1, width: 612, height: 792, words, probe: () => 0, ocr: true };
    return readHeader(view, findAnchors(view), new Provenance()).producer;
  };

  it('reads the numbers after labels OCR gave with a brace for the bracket', () => {
    const p = read(line(690, 310, 'PHONE {A/C, No, Ext): (553) 020-9341'), line(690, 460, 'FAX {A/C, No): (598) 504-9358'));
    expect(p).toMatchObject({ phone: '5530209341', fax: '5985049358' });
  });

  it('reads a ten-digit number after PHONE or FAX when the rest of the label is illegible', () => {
    const p = read(line(690, 310, 'PHONE Nz (553) 020-9341'), line(690, 460, 'FAX (598) 504-9358'));
    expect(p).toMatchObject({ phone: '5530209341', fax: '5985049358' });
  });

  it('does not take a shorter run of digits after a bare label for a number', () => {
    expect(read(line(690, 460, 'FAX 504-9358'))).toMatchObject({ fax: null });
  });
});
