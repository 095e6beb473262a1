import { describe, expect, it } from 'vitest';
import type { Extraction } from '../contracts/extraction';
import { labelFor, pointerKind, valueAt, withValue } from './values';

// Correction pointers come from a client: only the extraction contract's own values count, and
// nothing inherited from Object.prototype is ever looked up or written.

const extraction = {
  policies: [{ line: 'general_liability', limits: { eachOccurrence: 1_000_000 }, effectiveDate: '2026-01-01', expirationDate: '2027-01-01' }],
  insurers: [{ letter: 'A', name: 'Acme Insurance', naic: '12345' }],
  producer: { name: 'Broker' },
  insured: { name: 'Sub' },
  certificateHolder: { name: 'GC' },
} as unknown as Extraction;

describe('correction pointers', () => {
  it('knows the contract values', () => {
    expect(pointerKind('/policies/0/expirationDate')).toBe('date');
    expect(pointerKind('/policies/0/limits/eachOccurrence')).toBe('money');
    expect(pointerKind('/insurers/0/naic')).toBe('text');
    expect(pointerKind('/producer/name')).toBe('text');
  });

  for (const pointer of [
    '/__proto__/x',
    '/constructor/x',
    '/toString/x',
    '/producer/__proto__',
    '/policies/0/limits/__proto__',
    '/policies/0/limits/constructor',
    '/policies/0/limits/toString',
    '/policies/0/constructor',
    '/policies/0/__proto__',
    '/policies/__proto__/expirationDate',
    '/policies/00/expirationDate',
    '/insurers/0/__proto__',
  ]) {
    it(`refuses ${pointer}`, () => {
      expect(pointerKind(pointer)).toBeNull();
    });
  }

  it('never reads or writes through inherited properties', () => {
    expect(valueAt(extraction, '/constructor/name')).toBeUndefined();
    expect(valueAt(extraction, '/policies/0/limits/__proto__')).toBeUndefined();
    expect(() => withValue(extraction, '/__proto__/polluted', 'x')).toThrow(/nothing at/);
    expect(() => withValue(extraction, '/policies/0/limits/__proto__', 5)).toThrow(/nothing at/);
    expect(() => withValue(extraction, '/policies/7/expirationDate', '2027-01-01')).toThrow(/nothing at/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(labelFor(extraction, '/policies/0/limits/eachOccurrence')).toMatch(/Each occurrence/);
    expect(labelFor(extraction, '/constructor')).toBe('Certificate · Constructor');
  });
});
