import { describe, expect, it } from 'vitest';
import { findFormNumbers, mergeFormNumbers, parseAddress, parseDate, parseMoney } from './values';

describe('parseMoney', () => {
  it.each([
    ['$1,000,000', 1_000_000],
    ['1,000,000', 1_000_000],
    ['1000000', 1_000_000],
    ['$   1,000,000', 1_000_000],
    ['$ 2,000,000.00', 2_000_000],
    ['1M', 1_000_000],
    ['1MM', 1_000_000],
    ['$2,000K', 2_000_000],
    ['1.5M', 1_500_000],
    ['0', 0],
  ])('reads %s', (text, value) => expect(parseMoney(text)).toBe(value));

  it('refuses words', () => expect(parseMoney('EACH OCCURRENCE')).toBeNull());
});

describe('parseDate', () => {
  it('reads padded and unpadded dates', () => {
    expect(parseDate('01/05/2025')).toBe('2025-01-05');
    expect(parseDate('1/5/2025')).toBe('2025-01-05');
    expect(parseDate('13/05/2025')).toBeNull();
  });
});

describe('form numbers', () => {
  it('normalises spacing and editions', () => {
    const found = findFormNumbers('per CG 20 10 04 13, CG2037 1219 and CG 20 01 (12/19); WC 00 03 13 and CA 20 48.');
    expect(found).toEqual([
      { form: 'CG 20 10', edition: '04 13' },
      { form: 'CG 20 37', edition: '12 19' },
      { form: 'CG 20 01', edition: '12 19' },
      { form: 'WC 00 03 13', edition: null },
      { form: 'CA 20 48', edition: null },
    ]);
  });

  it('deduplicates by form, keeping a printed edition', () => {
    const merged = mergeFormNumbers([[{ form: 'CG 20 10', edition: null }], [{ form: 'CG 20 10', edition: '04 13' }]]);
    expect(merged).toEqual([{ form: 'CG 20 10', edition: '04 13' }]);
  });
});

describe('parseAddress', () => {
  it('splits street lines from the city line', () => {
    expect(parseAddress(['12 Main St', 'Suite 200', 'Nashville, TN 37201'])).toEqual({
      line1: '12 Main St',
      line2: 'Suite 200',
      city: 'Nashville',
      state: 'TN',
      postalCode: '37201',
    });
  });
});
