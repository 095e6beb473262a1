import { describe, expect, it } from 'vitest';
import { cleanEmail, lettersInOrder, withoutLetter } from './header';

describe('lettersInOrder', () => {
  it('keeps letters read in order', () => expect(lettersInOrder(['A', 'B', 'D'])).toEqual(['A', 'B', 'D']));

  it('gives a dropped or repeated letter the one after the row above', () => {
    expect(lettersInOrder(['A', 'B', '', 'D'])).toEqual(['A', 'B', 'C', 'D']);
    expect(lettersInOrder(['A', 'B', 'D', 'D', 'E'])).toEqual(['A', 'B', 'D', 'E', 'F']);
  });

  it('gives all six rows the letters of their places', () => {
    expect(lettersInOrder(['A', 'B', 'D', 'D', 'E', 'F'])).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});

describe('cleanEmail', () => {
  it('reads an address as OCR gives it', () => {
    expect(cleanEmail('|ee@cobaltins.com')).toBe('lee@cobaltins.com');
    expect(cleanEmail('[ee@summitins.com')).toBe('lee@summitins.com');
    expect(cleanEmail('priya graniteins.com')).toBe('priya@graniteins.com');
    expect(cleanEmail('marco@ summitins.com')).toBe('marco@summitins.com');
    expect(cleanEmail('dana®@lakesideins.com (555) 123-4567')).toBe('dana@lakesideins.com');
  });
});

describe('withoutLetter', () => {
  it("drops the row's letter OCR read again before an insurer's name, and only that", () => {
    expect(withoutLetter('OD Northern Plains Indemnity Company', 'D')).toBe('Northern Plains Indemnity Company');
    expect(withoutLetter('BAtlas Casualty Insurance Co', 'B')).toBe('Atlas Casualty Insurance Co');
    expect(withoutLetter('AIG Specialty Insurance Company', 'A')).toBe('AIG Specialty Insurance Company');
    expect(withoutLetter('Keel Assurance Company', 'B')).toBe('Keel Assurance Company');
  });
});
