import { describe, expect, it } from 'vitest';
import { formatAmBest, meetsMinimum, parseAmBest, parseRating, parseSizeClass } from './am-best';

describe('parseRating', () => {
  it('orders letter grades from A++ down', () => {
    const ranks = ['A++', 'A+', 'A', 'A-', 'B++', 'B+', 'B', 'B-', 'C++', 'C+', 'C', 'C-', 'D', 'E', 'F', 'S'].map((r) => {
      const p = parseRating(r);
      return p?.rated ? p.rank : -1;
    });
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks).size).toBe(16);
  });

  it('ignores u, pd and s modifiers', () => {
    expect(parseRating('A- u')).toEqual(parseRating('A-'));
    expect(parseRating('A (pd)')).toEqual(parseRating('A'));
    expect(parseRating('B++s')).toEqual(parseRating('B++'));
  });

  it('reads NR variants as not rated and rejects nonsense', () => {
    expect(parseRating('NR')).toEqual({ rated: false });
    expect(parseRating('NR-5')).toEqual({ rated: false });
    expect(parseRating('D+')).toBeNull();
    expect(parseRating('AAA')).toBeNull();
    expect(parseRating('')).toBeNull();
  });
});

describe('parseSizeClass', () => {
  it('reads roman numerals I to XV, with or without a prefix, and digits', () => {
    expect(parseSizeClass('I')).toBe(1);
    expect(parseSizeClass('vii')).toBe(7);
    expect(parseSizeClass('Class XV')).toBe(15);
    expect(parseSizeClass('8')).toBe(8);
  });

  it('rejects classes outside I to XV', () => {
    expect(parseSizeClass('XVI')).toBeNull();
    expect(parseSizeClass('0')).toBeNull();
    expect(parseSizeClass('IIII')).toBeNull();
  });
});

describe('meetsMinimum', () => {
  const floor = parseAmBest('A- VII');
  if (!floor) throw new Error('floor did not parse');
  const check = (text: string) => {
    const actual = parseAmBest(text);
    if (!actual) throw new Error(`${text} did not parse`);
    return meetsMinimum(actual, floor);
  };

  it('needs both the letter and the size class', () => {
    expect(check('A- VII')).toBe(true);
    expect(check('A++ XV')).toBe(true);
    expect(check('A VI')).toBe(false);
    expect(check('B++ XV')).toBe(false);
  });

  it('never passes an unrated carrier', () => {
    expect(meetsMinimum({ rating: { rated: false }, sizeClass: 15 }, floor)).toBe(false);
  });

  it('formats back to the usual notation', () => {
    expect(formatAmBest(floor)).toBe('A- VII');
    expect(formatAmBest({ rating: { rated: false }, sizeClass: null })).toBe('NR');
    expect(parseAmBest('A-/VIII')).toEqual(parseAmBest('A- VIII'));
    expect(parseAmBest('A-')).toBeNull();
  });
});
