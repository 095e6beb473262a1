import { describe, expect, it } from 'vitest';
import { outvoted, setAt, votedValue } from './vote';

describe('a vote between three readings of a value', () => {
  it('takes what the second and third readings agree on against the first', () => {
    expect(outvoted('Priva  Natarajan', 'Priya Natarajan', ' Priya Natarajan')).toBe('Priya Natarajan');
    expect(outvoted('Priya', 'Priya', 'Priya')).toBeNull();
    expect(outvoted('Priva', 'Priya', 'Priga')).toBeNull();
    expect(outvoted('Priva', '', '')).toBeNull();
    // O and 0, I and 1 were settled from the ink's shape in the first reading.
    expect(outvoted('E00TW00237', 'EOOTW00237', 'EOOTW00237')).toBeNull();
  });

  it('gives a value only where the reading is such a value', () => {
    const result = { insurers: [{ letter: 'C', name: 'x', naic: null }] };
    expect(votedValue('/insurers/0/name', 'C Keel Assurance Company of America', 'x', result)).toBe('Keel Assurance Company of America');
    expect(votedValue('/insurers/0/naic', '4863', '48637', result)).toBeNull();
    expect(votedValue('/policies/0/limits/eachOccurrence', '$1,000,000', '1,600,000', result)).toBe(1_000_000);
    expect(votedValue('/policies/0/policyNumber', 'NOD9883227', 'NODY883227', result)).toBe('NOD9883227');
    expect(votedValue('/policies/0/policyNumber', 'NOD98832271', 'NODY883227', result)).toBeNull();
    expect(votedValue('/insured/address', '12 Mill Road', '12 Mil Road', result)).toBeNull();
  });

  it('sets a value only where one stands', () => {
    const result = { producer: { email: 'priva@x.com' }, policies: [] as unknown[] };
    expect(setAt(result, '/producer/email', 'priya@x.com')).toBe(true);
    expect(result.producer.email).toBe('priya@x.com');
    expect(setAt(result, '/policies/0/policyNumber', 'A1')).toBe(false);
    expect(setAt(result, '/insured/name', 'A')).toBe(false);
    expect(result.policies).toEqual([]);
  });
});
