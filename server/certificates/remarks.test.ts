import { describe, expect, it } from 'vitest';
import { mendRemarks } from './remarks';

describe('mendRemarks', () => {
  it('mends small words OCR doubted to the remarks word a glyph or two away', () => {
    const text = 'the Owner are additional msureds on general hability where required by wnitten contract. Wording apples per CG 20 01.';
    const r = mendRemarks(text, new Set(['msureds', 'hability', 'wnitten', 'apples']));
    expect(r).toEqual({ text: 'the Owner are additional insureds on general liability where required by written contract. Wording applies per CG 20 01.', mended: true });
  });

  it('leaves words the engine was sure of, names, short words and words near two remarks words', () => {
    // "applied" is English the list lacks: read surely, it stays.
    expect(mendRemarks('Coverage applied per contract', new Set())).toEqual({ text: 'Coverage applied per contract', mended: false });
    // Capitalised words are names (a project, a street); figures are numbers.
    expect(mendRemarks('Project: Harbar Logistics, 12 Wnitten Rd', new Set(['Harbar', 'Wnitten'])).mended).toBe(false);
    // Too short to tell, or as near "insured" as "insurer".
    expect(mendRemarks('per lss insures', new Set(['lss', 'insures']))).toEqual({ text: 'per lss insures', mended: false });
    // A word of the list itself is never changed.
    expect(mendRemarks('owned autos', new Set(['owned', 'autos'])).mended).toBe(false);
  });
});
