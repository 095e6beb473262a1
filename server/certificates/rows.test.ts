import { describe, expect, it } from 'vitest';
import type { PageView } from './page';
import { Provenance } from './provenance';
import { readRow, type Columns } from './rows';
import type { Word } from './words';

const cols: Columns = {
  top: 400, letter: 30, typeLeft: 40, typeRight: 200, addl: 215, subr: 235, numberLeft: 250,
  eff: 340, exp: 400, effLeft: 330, limitsLeft: 450, lineHeight: 10,
};

const word = (text: string, x0: number, x1: number, y0 = 360): Word => ({ text, x0, x1, y0, y1: y0 + 6, page: 1, conf: 0.9 });

/** An OCR page whose boxes are all empty. */
const view = (words: Word[]): PageView => ({ page: 1, width: 612, height: 792, words, probe: () => 0, ocr: true });

describe('readRow (umbrella)', () => {
  it('reads the retention amount when OCR stretched the label box over it', () => {
    const words = [
      word('UMBRELLA', 50, 90, 380), word('LIAB', 92, 110, 380), word('OCCUR', 140, 165, 380),
      word('DED', 50, 62), word('RETENTION', 80, 155), word('10,000', 125, 155),
      word('XS123456', 255, 300, 380), word('$5,000,000', 550, 590, 380),
    ];
    const policy = readRow('umbrella', words, cols, view(words), new Provenance());
    expect(policy?.retentionOrDeductible).toEqual({ amount: 10_000 });
  });
});
