import { describe, expect, it } from 'vitest';
import { lettersInOrder } from './header';

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
