import { describe, expect, it } from 'vitest';
import { letterInBox } from './boxed';

const dpi = 288; // 4 pixels a point
const [w, h] = [120, 120];

function picture(draw: (set: (x: number, y: number) => void) => void): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + w * h).fill(255);
  out.set(header);
  draw((x, y) => (out[header.length + y * w + x] = 0));
  return out;
}

const pixel = (pgm: Uint8Array, x: number, y: number) => pgm[pgm.length - w * h + y * w + x]!;

describe('letterInBox', () => {
  it('leaves the letter alone on white: no outline, no label cut by the border, no speck', () => {
    const pgm = picture((set) => {
      // The box's outline, two pixels thick.
      for (let i = 10; i < 110; i++) for (const d of [0, 1]) for (const y of [10, 100]) set(i, y + d);
      for (let j = 10; j < 102; j++) for (const d of [0, 1]) for (const x of [10, 108]) set(x + d, j);
      // The foot of a printed label above the box, cut by the picture's top edge.
      for (let y = 0; y < 6; y++) for (let x = 50; x < 70; x++) set(x, y);
      // An N 40 pixels (10 points) tall: two stems and a diagonal.
      for (let y = 35; y < 75; y++) for (const x of [40, 41, 42, 70, 71, 72, 40 + Math.round((y - 35) * 0.75), 41 + Math.round((y - 35) * 0.75)]) set(x, y);
      // A speck.
      for (const [x, y] of [[90, 30], [91, 30], [90, 31]]) set(x!, y!);
    });
    const out = letterInBox(pgm, dpi);
    expect(pixel(out, 41, 50) + pixel(out, 71, 50)).toBe(0);
    expect(pixel(out, 60, 10) + pixel(out, 11, 40)).toBe(510);
    expect(pixel(out, 60, 2)).toBe(255);
    expect(pixel(out, 90, 30)).toBe(255);
    // The bytes given are left as they were.
    expect(pixel(pgm, 60, 2)).toBe(0);
  });
});
