import { describe, expect, it } from 'vitest';
import type { Bitmap } from './clean';
import { pixelProbe } from './raster';

/** A white page 200 x 100 pixels, one pixel per point, with a 30-pixel checkbox outline. */
function page(): Bitmap {
  const img: Bitmap = { width: 200, height: 100, data: new Uint8Array(200 * 100).fill(255) };
  for (let i = 20; i < 50; i++) for (const [x, y] of [[i, 30], [i, 59], [20, i + 10], [49, i + 10]]) img.data[y! * 200 + x!] = 0;
  return img;
}

const fill = (img: Bitmap, x0: number, x1: number, y0: number, y1: number) => {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) img.data[y * img.width + x] = 0;
};

// The probed area in points (origin bottom left): x 15..70, pixel rows 25..65.
const area: [number, number, number, number] = [15, 35, 70, 75];

describe('pixelProbe', () => {
  it('reads an empty box as empty even when a bold letter beside it falls in the area', () => {
    const img = page();
    fill(img, 52, 70, 30, 59);
    expect(pixelProbe(img, 1, 100)(area)).toBeLessThan(0.5);
  });

  it('reads a box with a cross as checked', () => {
    const img = page();
    for (let i = 4; i < 26; i++) fill(img, 20 + i, 21 + i, 30 + i, 30 + i);
    for (let i = 4; i < 26; i++) fill(img, 48 - i, 49 - i, 30 + i, 30 + i);
    expect(pixelProbe(img, 1, 100)(area)).toBeGreaterThanOrEqual(0.5);
  });

  it("reads an empty box as empty when a rule of the grid runs through the area (a fit a little off)", () => {
    // The box printed faint (grey the threshold takes for paper), the column's edge bold, seven
    // pixels wide, through the whole area and beyond.
    const img = page();
    img.data.forEach((v, i) => (img.data[i] = v === 0 ? 160 : v));
    fill(img, 52, 58, 0, 99);
    expect(pixelProbe(img, 1, 100)(area)).toBeLessThan(0.5);
    // A rule across the area, as a row's edge would be.
    const across = page();
    fill(across, 0, 199, 62, 63);
    expect(pixelProbe(across, 1, 100)(area)).toBeLessThan(0.5);
  });

  it('still reads a filled box beside a rule as checked', () => {
    const img = page();
    fill(img, 16, 18, 0, 99);
    fill(img, 24, 45, 34, 55);
    expect(pixelProbe(img, 1, 100)(area)).toBeGreaterThanOrEqual(0.5);
  });
});
