import { describe, expect, it } from 'vitest';
import { clearRules, clearSpecksAndBoxes, type Bitmap } from './clean';

function blank(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(width * height) };
}

const ink = (img: Bitmap, x: number, y: number) => img.data[y * img.width + x]!;
const set = (img: Bitmap, x: number, y: number) => (img.data[y * img.width + x] = 1);

describe('clearRules', () => {
  it('clears a rule broken by noise, with the pixels beside it, and keeps a letter stroke', () => {
    const img = blank(200, 200);
    // A vertical rule two pixels wide from y 10 to 189, with gaps of 3 pixels every 20.
    for (let y = 10; y < 190; y++) if (y % 20 > 2) for (const x of [100, 101]) set(img, x, y);
    set(img, 102, 50); // a grey edge pixel beside the rule
    // A letter's stem: 30 pixels tall, shorter than a rule.
    for (let y = 40; y < 70; y++) set(img, 20, y);
    clearRules(img, 150);
    expect(ink(img, 100, 50) + ink(img, 101, 120) + ink(img, 102, 50)).toBe(0);
    expect(ink(img, 20, 55)).toBe(1);
  });

  it('keeps the strokes of a value printed across a rule, and nothing of a speck beside it', () => {
    const img = blank(300, 60);
    // A horizontal rule three pixels thick, rows 30 to 32.
    for (let x = 0; x < 300; x++) for (let y = 30; y <= 32; y++) set(img, x, y);
    // A stem two pixels wide crossing the rule, from row 15 to row 45.
    for (let y = 15; y <= 45; y++) for (const x of [50, 51]) set(img, x, y);
    // A stem two pixels wide coming down onto the rule from above, ending in it.
    for (let y = 15; y <= 31; y++) for (const x of [120, 121]) set(img, x, y);
    // A speck of noise one pixel wide just above the rule.
    for (const y of [27, 28, 29]) set(img, 200, y);
    clearRules(img, 150);
    // The crossing stem is whole, the rule included; the rule is gone either side of it.
    for (let y = 15; y <= 45; y++) expect(ink(img, 50, y)).toBe(1);
    expect(ink(img, 40, 31) + ink(img, 60, 31)).toBe(0);
    // The stem from above keeps its pixels down to the rule's own, which go.
    expect(ink(img, 120, 28) + ink(img, 120, 29)).toBe(2);
    expect(ink(img, 120, 30) + ink(img, 120, 31)).toBe(0);
    // The speck keeps nothing of the rule, and goes with the pixels beside it.
    expect(ink(img, 200, 30) + ink(img, 200, 29) + ink(img, 200, 28)).toBe(0);
  });
});

describe('clearSpecksAndBoxes', () => {
  it('empties checkboxes with their marks but keeps the letter in a box much larger than them', () => {
    const dpi = 300;
    const img = blank(400, 200);
    const square = (x0: number, y0: number, side: number) => {
      for (let i = 0; i < side; i++) for (const [x, y] of [[x0 + i, y0], [x0 + i, y0 + side - 1], [x0, y0 + i], [x0 + side - 1, y0 + i]]) set(img, x!, y!);
    };
    // Three checkboxes, each with a cross inside; one large box with a letter-like bar inside.
    for (const x0 of [10, 60, 110]) {
      square(x0, 20, 24);
      for (let i = 5; i < 19; i++) set(img, x0 + i, 20 + i);
    }
    square(200, 20, 60);
    for (let y = 35; y < 65; y++) for (const x of [225, 226, 227]) set(img, x, y);
    const boxes = clearSpecksAndBoxes(img, dpi);
    expect(boxes).toHaveLength(4);
    expect(ink(img, 70, 30)).toBe(0); // a cross in a checkbox is gone
    expect(ink(img, 200, 40)).toBe(0); // the large box's outline is gone
    expect(ink(img, 226, 50)).toBe(1); // its letter stays
  });

  it('keeps letters that look like boxes or rule leftovers: a barred B and a thin tall l', () => {
    const img = blank(200, 120);
    // A B drawn square: stem, top, bottom and right side, and a bar across the middle.
    for (let i = 0; i < 24; i++) for (const [x, y] of [[20 + i, 20], [20 + i, 43], [20, 20 + i], [43, 20 + i], [20 + i, 31]]) set(img, x!, y!);
    // An l of large print: two pixels wide, 40 tall.
    for (let y = 20; y < 60; y++) for (const x of [100, 101]) set(img, x, y);
    const boxes = clearSpecksAndBoxes(img, 300);
    expect(boxes).toHaveLength(0);
    expect(ink(img, 30, 31)).toBe(1);
    expect(ink(img, 100, 40)).toBe(1);
  });
});
