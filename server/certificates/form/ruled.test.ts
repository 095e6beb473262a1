import { describe, expect, it } from 'vitest';
import measured from './acord25-2016.json';
import type { Bitmap, Run } from '../clean';
import { agreeing, clearAreas, matchRules, placeByRules, proseOnPage, rulesOf, turnedRuns } from './ruled';

const dpi = 400;
const height = 792;

/** Every straight rule the blank form prints (its rules and its frames' sides), in points, origin bottom left. */
function printedRules(): [number, number, number, number][] {
  const out: [number, number, number, number][] = (measured.rules as number[][]).map(([a, b, c, d]) => [a!, b!, c!, d!]);
  for (const { box } of measured.frames) {
    const [x0, y0, x1, y1] = box as number[];
    out.push([x0!, y0!, x1!, y0!], [x0!, y1!, x1!, y1!], [x0!, y0!, x0!, y1!], [x1!, y0!, x1!, y1!]);
  }
  return out;
}

/**
 * The runs a scan of the form would give at `scale` pixels per point and the given offset: each
 * rule 3 pixels thick, broken into pieces by faint stretches, and only runs of 0.6 inch or more.
 */
function scannedRuns(scale: number, dx: number, dy: number, keep: (r: number[]) => boolean = () => true): { rows: Run[]; columns: Run[] } {
  const minRun = Math.round(dpi * 0.6);
  const rows: Run[] = [];
  const columns: Run[] = [];
  for (const r of printedRules().filter(keep)) {
    const [x0, y0, x1, y1] = [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])];
    const horizontal = y0 === y1;
    const at = horizontal ? Math.round(scale * (height - y0) + dy) : Math.round(scale * x0 + dx);
    const [from, to] = horizontal ? [scale * x0 + dx, scale * x1 + dx] : [scale * (height - y1) + dy, scale * (height - y0) + dy];
    // A faint stretch of 30 pixels every 400.
    for (let start = from; start < to; start += 400) {
      const end = Math.min(to, start + 370);
      if (end - start < minRun) continue;
      for (let d = 0; d < 3; d++) (horizontal ? rows : columns).push({ at: at + d, from: Math.round(start), to: Math.round(end) });
    }
  }
  return { rows, columns };
}

describe('placing a scan by its rules', () => {
  it('finds the scale and offset of a scanned form whose rules print in pieces', () => {
    const scale = 0.97 * (dpi / 72);
    const m = matchRules(scannedRuns(scale, 40, -25), dpi)!;
    expect(agreeing(m)).toBe(true);
    expect(m.fit.sx).toBeCloseTo(scale, 2);
    expect(m.fit.sy).toBeCloseTo(scale, 2);
    // The runs stand 1 pixel into their 3-pixel thickness.
    expect(Math.abs(m.fit.tx - 41)).toBeLessThan(2);
    expect(Math.abs(m.fit.ty - -24)).toBeLessThan(2);
    // The notice box's prose lands inside the notice frame on the page.
    const areas = proseOnPage(m);
    expect(areas).toHaveLength(5);
    const [notice] = areas;
    expect(notice![0]).toBeGreaterThan(scale * 18 + 40);
    expect(notice![1]).toBeGreaterThan(scale * (height - 744) - 25);
    expect(notice![3]).toBeLessThan(scale * (height - 672) - 25);
  });

  it('finds the same placing on a page turned upside down once its runs are turned', () => {
    const scale = dpi / 72;
    const [width, tall] = [Math.round(612 * scale), Math.round(792 * scale)];
    const turned = turnedRuns(turnedRuns(scannedRuns(scale, 0, 0), width, tall), width, tall);
    const m = matchRules(turned, dpi)!;
    expect(agreeing(m)).toBe(true);
    expect(Math.abs(m.fit.tx)).toBeLessThan(2);
  });

  it('tells a page fed upside down by its rules, before anything on it is read', () => {
    const scale = dpi / 72;
    const [width, tall] = [Math.round(612 * scale), Math.round(792 * scale)];
    const upright = scannedRuns(scale, 10, 20);
    expect(placeByRules(upright, width, tall, dpi)?.turned).toBe(false);
    const fedOver = placeByRules(turnedRuns(upright, width, tall), width, tall, dpi);
    expect(fedOver?.turned).toBe(true);
    expect(Math.abs(fedOver!.match.fit.tx - 11)).toBeLessThan(2);
    // Lines that are not the form's, either way up.
    const lines = { rows: [0, 1, 2].map((i) => ({ at: 500 + 300 * i, from: 100, to: 2000 })), columns: [{ at: 900, from: 100, to: 3000 }] };
    expect(placeByRules(lines, width, tall, dpi)).toBeNull();
  });

  it('does not place a page missing most of the form rows (another form, or a page of lines)', () => {
    const scale = dpi / 72;
    // Only the frames' vertical sides and a few rows: the grid is not this form's.
    const m = matchRules(
      scannedRuns(scale, 0, 0, (r) => r[0] === r[2] || r[1]! > 600),
      dpi,
    );
    expect(m === null || !agreeing(m)).toBe(true);
  });

  it('leaves the prose of a frame the page does not show, and only that', () => {
    const scale = dpi / 72;
    // A page like the form but without the notice box's frame (its top rule and sides).
    const noNotice = (r: number[]) => !(r[1] === 744 && r[3] === 744) && !((r[0] === 18 || r[0] === 594) && r[0] === r[2] && Math.max(r[1]!, r[3]!) > 700);
    const m = matchRules(scannedRuns(scale, 0, 0, noNotice), dpi)!;
    expect(agreeing(m)).toBe(true);
    const areas = proseOnPage(m);
    // The statement above the grid and the cancellation clause only: none above 160 points from the top.
    expect(areas).toHaveLength(2);
    expect(Math.min(...areas.map((a) => a[1]))).toBeGreaterThan(scale * 160);
  });

  it('joins a slanting rule that steps down a pixel at a time into one rule', () => {
    const runs: Run[] = [0, 1, 2, 3, 4].map((i) => ({ at: 100 + i, from: i * 500, to: i * 500 + 450 }));
    const rules = rulesOf(runs, 3, 100);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ from: 0, to: 2450 });
    expect(rules[0]!.at).toBeCloseTo(102, 5);
  });
});

describe('clearAreas', () => {
  it('clears the ink inside the areas only', () => {
    const ink: Bitmap = { width: 10, height: 10, data: new Uint8Array(100).fill(1) };
    clearAreas(ink, [[2, 3, 4, 5]]);
    expect(ink.data[4 * 10 + 3]).toBe(0);
    expect(ink.data[4 * 10 + 5]).toBe(1);
    expect(ink.data[6 * 10 + 3]).toBe(1);
    expect(ink.data.filter((v) => v === 0)).toHaveLength(9);
  });
});
