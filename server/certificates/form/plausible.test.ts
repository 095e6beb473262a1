import { describe, expect, it } from 'vitest';
import type { FieldProvenance, Policy } from '../../contracts/extraction';
import { checkPlausible } from './plausible';

const policy = (over: Partial<Policy>): Policy => ({
  line: 'general_liability',
  insurerLetter: 'A',
  policyNumber: 'GL-1001',
  effectiveDate: '2026-01-01',
  expirationDate: '2027-01-01',
  additionalInsured: false,
  subrogationWaived: false,
  limits: { eachOccurrence: 1_000_000 },
  ...over,
});

const sure = (): Record<string, FieldProvenance> => ({
  '/policies/0/effectiveDate': { confidence: 1 },
  '/policies/0/expirationDate': { confidence: 1 },
  '/policies/0/insurerLetter': { confidence: 1 },
  '/policies/0/limits/eachOccurrence': { confidence: 1 },
});

describe('plausibility of values read from their fields', () => {
  it('leaves a sound row alone', () => {
    const fields = sure();
    expect(checkPlausible({ policies: [policy({})], insurers: [{ letter: 'A' }], certificateDate: '2026-02-01' }, fields)).toEqual([]);
    expect(Object.values(fields).every((f) => f.confidence === 1)).toBe(true);
  });

  it('doubts a policy that ends before it starts, a letter no insurer has, and a limit of $25', () => {
    const fields = sure();
    const reasons = checkPlausible(
      { policies: [policy({ expirationDate: '2025-06-01', insurerLetter: 'D', limits: { eachOccurrence: 25 } })], insurers: [{ letter: 'A' }], certificateDate: null },
      fields,
    );
    expect(reasons).toHaveLength(3);
    expect(fields['/policies/0/expirationDate']!.confidence).toBeLessThan(0.8);
    expect(fields['/policies/0/insurerLetter']!.confidence).toBeLessThan(0.8);
    expect(fields['/policies/0/limits/eachOccurrence']!.confidence).toBeLessThan(0.8);
  });
});
