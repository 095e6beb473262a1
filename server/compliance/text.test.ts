import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';
import { containsPhrase, editDistance, nameSimilarity, normaliseName, preparePhrase, prepareText } from './text';

describe('formatMoney', () => {
  it('groups thousands with a dollar sign', () => {
    expect(formatMoney(2_000_000)).toBe('$2,000,000');
    expect(formatMoney(500)).toBe('$500');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(-1500)).toBe('-$1,500');
  });
});

describe('name matching', () => {
  it('drops legal suffixes, punctuation and a leading "the"', () => {
    expect(normaliseName('The Apex Mechanical, Inc.')).toBe('apex mechanical');
    expect(normaliseName('Harbor Point Builders L.L.C.')).toBe('harbor point builders');
    expect(normaliseName('Smith & Sons Co')).toBe('smith and sons');
  });

  it('scores shared words, forgiving one typo in long words', () => {
    expect(nameSimilarity('harbor point builders', 'harbour point builders')).toBe(1);
    expect(nameSimilarity('apex mechanical', 'summit plumbing')).toBe(0);
    expect(editDistance('riverside', 'riversde', 1)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('containsPhrase', () => {
  const remarks = prepareText('Project: Riverside Medical Center. GC: Harbor Point Builders LLC & owner.');
  it('finds phrases across case, punctuation and "&"', () => {
    expect(containsPhrase(remarks, preparePhrase('riverside medical center'))).toBe(true);
    expect(containsPhrase(remarks, preparePhrase('Harbor Point Builders, LLC and Owner'))).toBe(true);
  });

  it('does not find absent wording', () => {
    expect(containsPhrase(remarks, preparePhrase('Lakeside Garage'))).toBe(false);
  });
});
