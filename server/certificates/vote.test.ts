import { describe, expect, it } from 'vitest';
import { outvoted, setAt, valueAt } from './vote';

const texts = (first: string, second: string, third: string) => ({ first, second, third });

describe('a vote between three readings of a value', () => {
  const result = { insurers: [{ letter: 'C' as const, name: 'x', naic: null }] };

  it('takes what the second and third readings agree on against the first', () => {
    expect(outvoted('/producer/contactName', 'Priva Natarajan', texts('Priva  Natarajan', 'Priya Natarajan', ' Priya Natarajan'), result)).toBe('Priya Natarajan');
    expect(outvoted('/producer/contactName', 'Priya', texts('Priya', 'Priya', 'Priya'), result)).toBeNull();
    expect(outvoted('/producer/contactName', 'Priva', texts('Priva', 'Priya', 'Priga'), result)).toBeNull();
    expect(outvoted('/producer/contactName', 'Priva', texts('Priva', '', ''), result)).toBeNull();
    expect(outvoted('/insurers/0/name', 'Keel Assurance Company ot America', texts('C Keel Assurance Company ot America', 'C Keel Assurance Company of America', 'Keel Assurance Company of America'), result)).toBe('Keel Assurance Company of America');
    expect(outvoted('/policies/0/limits/eachOccurrence', 1_600_000, texts('1,600,000', '$1,000,000', '1,000,000'), result)).toBe(1_000_000);
  });

  it('keeps the first reading where the later ones are no such value, or differ only in lookalikes', () => {
    // O and 0, I and 1 were settled from the ink's shape in the first reading.
    expect(outvoted('/policies/0/policyNumber', 'E00TW00237', texts('E00TW00237', 'EOOTW00237', 'EOOTW00237'), result)).toBeNull();
    expect(outvoted('/policies/0/policyNumber', 'NODY883227', texts('NODY883227', 'NOD98832271', 'NOD98832271'), result)).toBeNull();
    expect(outvoted('/policies/0/policyNumber', 'NODY883227', texts('NODY883227', 'NOD9883227', 'NOD9883227'), result)).toBe('NOD9883227');
    expect(outvoted('/insurers/0/naic', '48637', texts('48637', '4863', '4863'), result)).toBeNull();
    expect(outvoted('/insured/address', { line1: '12 Mil Road' }, texts('12 Mil Road', '12 Mill Road', '12 Mill Road'), result)).toBeNull();
  });

  it('fills a value the first reading could not make out only with a value of its own shape', () => {
    expect(outvoted('/policies/0/effectiveDate', null, texts('Vb/13/2023', '06/13/2023', ''), result)).toBe('2023-06-13');
    expect(outvoted('/policies/0/effectiveDate', null, texts('Vb/13/2023', '06/13/2023', '08/13/2023'), result)).toBeNull();
    expect(outvoted('/insured/name', null, texts('INSURED', 'INSURED', 'INSURED'), result)).toBeNull();
    // An address whose @ OCR misread is made with the contact's name.
    const r = { producer: { contactName: 'Priya Natarajan' } } as Parameters<typeof outvoted>[3];
    expect(outvoted('/producer/email', null, texts('privazxblueins.com', 'priyaabluéins.com', 'priyazblueins.com'), r)).toBe('priya@blueins.com');
  });

  it('fills a date or amount from later readings whose figures were read as letters, or lost their slashes', () => {
    expect(outvoted('/policies/1/expirationDate', null, texts('Vb/13/2024', 'Ub/13/2024', 'Ub/13/2024'), result)).toBe('2024-06-13');
    expect(outvoted('/policies/1/expirationDate', null, texts('0407 2O26', '04072026', '04072026'), result)).toBe('2026-04-07');
    expect(outvoted('/policies/0/limits/eachOccurrence', null, texts('1,0O0', '1,000,0O0', '1,000,0O0'), result)).toBe(1_000_000);
  });

  it('makes a policy number as the layout does, and counts its glyphs as made', () => {
    expect(outvoted('/policies/0/policyNumber', 'TWJ1467140', texts('TWJ146/140', 'TWJ146/140', 'TWJ146/140'), result)).toBeNull();
    expect(outvoted('/policies/0/policyNumber', 'TWJ146Y140', texts('TWJ146Y140', 'TWJ146/140', 'TWJ146/140'), result)).toBe('TWJ1467140');
    // A certificate number guesses no figures: its slash is no glyph, so the later readings have one glyph too few.
    expect(outvoted('/certificateNumber', '1709H6369', texts('1709H6369', '1709H6/69', '1709H6/69'), result)).toBeNull();
  });

  it('mends a name word by word where a later reading holds a word of a name a glyph or two away', () => {
    const r = { insurers: [{ letter: 'A' as const, name: 'x', naic: null }] };
    expect(outvoted('/insurers/0/name', 'Pinecrest Mutual Insurance Compam', texts('Pinecrest Mutual Insurance Compam', 'Pinecrest Mutual Insurance Company', 'Pinecrest Mutual Insurance Compan'), r)).toBe('Pinecrest Mutual Insurance Company');
    expect(outvoted('/insurers/0/name', 'Northern Plains iIndemmty Company', texts('Northern Plains iIndemmty Company', 'Northern Plains Indemnity Company', 'Northern Plains Indemmity Company'), r)).toBe('Northern Plains Indemnity Company');
    // A proper name is no word of a name: "Prarie" is left as read, and so is a word split otherwise.
    expect(outvoted('/insurers/0/name', 'Prarie Workers Comp Fund', texts('Prarie Workers Comp Fund', 'Prairie Workers Comp Fund', 'Prarie Workers Comp Fund'), r)).toBeNull();
    expect(outvoted('/insurers/0/name', 'Keel Assurance Company ot America', texts('Keel Assurance Company ot America', 'Keel Assurance Company of An merica', 'Keel Assurance Company ot America'), r)).toBeNull();
    // A word of a name as read is never mended into another ("Federal" two glyphs from General).
    expect(outvoted('/insurers/0/name', 'Federal Insurance Company', texts('Federal Insurance Company', 'General Insurance Company', 'Federal Insurance Compa'), r)).toBeNull();
    // Two later readings offering different words settle nothing; a word far from the first is no mend.
    expect(outvoted('/insurers/0/name', 'Atlas Casualty Insurance Cor', texts('Atlas Casualty Insurance Cor', 'Atlas Casualty Insurance Co', 'Atlas Casualty Insurance Corp'), r)).toBeNull();
    expect(outvoted('/insurers/0/name', 'Atlas Casualty Insurance Compam', texts('Atlas Casualty Insurance Compam', 'Atlas Casualty Insurance Group', 'Atlas Casualty Insurance Compam'), r)).toBeNull();
    expect(outvoted('/insurers/0/name', 'Atlas Casualty Insurance CoO', texts('Atlas Casualty Insurance CoO', 'Atlas Casually Insurance Co', 'Atlas Casualty Insurance Co'), r)).toBe('Atlas Casualty Insurance Co');
  });

  it('sets a value only where one stands', () => {
    const r = { producer: { email: 'priva@x.com' }, policies: [] as unknown[] };
    expect(valueAt(r, '/producer/email')).toBe('priva@x.com');
    expect(setAt(r, '/producer/email', 'priya@x.com')).toBe(true);
    expect(r.producer.email).toBe('priya@x.com');
    expect(setAt(r, '/policies/0/policyNumber', 'A1')).toBe(false);
    expect(setAt(r, '/insured/name', 'A')).toBe(false);
    expect(r.policies).toEqual([]);
  });
});
