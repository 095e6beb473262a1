import { describe, expect, it } from 'vitest';
import { readLimits } from './limits';
import { Provenance } from './provenance';
import type { Columns } from './rows';
import type { Word } from './words';

const cols = { limitsLeft: 400, lineHeight: 8 } as Columns;

/** One line of the limits column: label words from x 410, the amount at x 520. */
function line(y: number, label: string, amount?: string): Word[] {
  const words: Word[] = [];
  let x = 410;
  for (const text of label.split(' ').filter(Boolean)) {
    words.push({ text, x0: x, x1: x + 5 * text.length, y0: y, y1: y + 6, page: 1, conf: 0.6 });
    x += 5 * text.length + 3;
  }
  if (amount) words.push({ text: amount, x0: 520, x1: 560, y0: y, y1: y + 6, page: 1, conf: 0.9 });
  return words;
}

const read = (...lines: Word[][]) => readLimits('general_liability', lines.flat(), cols, new Provenance());

describe('readLimits on OCR text', () => {
  it('names an illegible label by its place between two legible ones', () => {
    const limits = read(
      line(700, 'EACH OCCURRENCE', '$1,000,000'),
      line(690, 'wv ru ARN', '$300,000'),
      line(680, 'MED EXP (Any one person)', '$10,000'),
    );
    expect(limits).toMatchObject({ eachOccurrence: 1_000_000, damageToRentedPremises: 300_000, medicalExpense: 10_000 });
    expect(limits.other).toBeUndefined();
  });

  it('reads a section printed second half first, at the wrap', () => {
    const limits = read(
      line(700, 'PERSONAL & ADV INJURY', '$1,000,000'),
      line(690, 'GENERAL AGGREGATE', '$2,000,000'),
      line(680, 'PRODUC Wa', '$2,000,000'),
      line(670, 'EACH OCCURRENCE', '$1,000,000'),
      line(660, '-1', '$100,000'),
      line(650, 'MED EXP (Any one person)', '$5,000'),
    );
    expect(limits).toMatchObject({ productsCompletedOperationsAggregate: 2_000_000, damageToRentedPremises: 100_000 });
  });

  it('keeps a legible extra limit as other when no printed label is missing', () => {
    const limits = read(
      line(700, 'EACH OCCURRENCE', '$1,000,000'),
      line(690, 'DAMAGE TO RENTED PREMISES', '$100,000'),
      line(680, 'Employee Benefits', '$1,000,000'),
    );
    expect(limits.other).toEqual([{ label: 'Employee Benefits', amount: 1_000_000 }]);
  });

  it('reads a $ taken for a 5 where the column keeps its $ signs', () => {
    const limits = read(line(700, 'EACH OCCURRENCE', '51,000,000'), line(690, 'GENERAL AGGREGATE', '$2,000,000'));
    expect(limits.eachOccurrence).toBe(1_000_000);
  });

  it('leaves a 5 alone in a column printed without $ signs', () => {
    const limits = read(line(700, 'EACH OCCURRENCE', '5,000,000'), line(690, 'GENERAL AGGREGATE', '2,000,000'));
    expect(limits.eachOccurrence).toBe(5_000_000);
  });

  it('gives an amount to the named label above it when OCR broke a word of that label onto the amount line', () => {
    const words = [
      line(700, 'E.L. EACH ACCIDENT', '$500,000'),
      line(690, 'E.L. DISEASE - EA EMPLOYEE', '$500,000'),
      line(679.5, 'EL POLICY LIMIT'),
      line(676, 'DISEASE', '$1,000,000'),
    ].flat();
    const limits = readLimits('workers_compensation', words, cols, new Provenance());
    expect(limits).toMatchObject({ employersLiabilityDiseasePolicyLimit: 1_000_000 });
    expect(limits.other).toBeUndefined();
  });

  it('does not take a stray digit after a label for its amount', () => {
    const words = [...line(700, 'COMBINED SINGLE LIMIT a aCiate 1'), ...line(696, '', '$1,000,000')];
    const limits = readLimits('automobile_liability', words, cols, new Provenance());
    expect(limits).toEqual({ combinedSingleLimit: 1_000_000 });
  });
});
