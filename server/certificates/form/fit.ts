// Fitting a page to the official form. The printed labels found on the page are matched with
// where the blank form prints them; a scale and shift per axis (printers scale and shift, they
// do not rotate a certificate) is chosen by consensus, so a label that also appears in the
// notice ("INSURED", "CERTIFICATE HOLDER") cannot pull the fit away. What the scale and shift
// leave over near each label (an older edition's rows one line lower, a filler that redrew the
// form a little taller) is then followed locally.
import type { Box } from '../words';
import type { Anchor } from './anchors';
import { fitHomography, invert, project, type Homography } from './homography';
import { drift } from './follow';
import { bandsOf, movedBlocks, type Band } from './moved';

export interface Axis {
  scale: number;
  shift: number;
}

export interface Pin {
  anchor: Anchor;
  /** Where the label is on the blank form. */
  fx: number;
  fy: number;
  /** Where it is on the page. */
  px: number;
  py: number;
  weight: number;
}

export interface Fit {
  /** The blank form's plane onto the page's, and back. */
  toPage: Homography;
  toForm: Homography;
  /**
   * Labels that agree with the fit, with what the fit leaves over at each (form points); `moved`:
   * a label of a block the filler moved, which its band follows instead.
   */
  pins: { anchor: Anchor; fx: number; fy: number; dx: number; dy: number; moved?: boolean }[];
  /** Share of the form's distinctive labels found where the fit puts them (0..1). */
  coverage: number;
  /** Parts of the page a filler moved as a block, each carried by its own labels' shift. */
  bands: Band[];
}

const pinOf = (a: Anchor): Pin => ({
  anchor: a,
  fx: a.label.box[0],
  fy: (a.label.box[1] + a.label.box[3]) / 2,
  px: a.box[0],
  py: (a.box[1] + a.box[3]) / 2,
  weight: Math.min(a.label.key.length, 12) * a.quality,
});

function axisFrom(p: Pin, q: Pin, along: 'x' | 'y'): Axis | null {
  const [fp, fq, pp, pq] = along === 'x' ? [p.fx, q.fx, p.px, q.px] : [p.fy, q.fy, p.py, q.py];
  if (Math.abs(fp - fq) < 40) return null;
  const scale = (pp - pq) / (fp - fq);
  if (!(scale > 0.3 && scale < 5)) return null;
  return { scale, shift: pp - scale * fp };
}

function agreeing(pins: Pin[], x: Axis, y: Axis, tolerance: number): Pin[] {
  return pins.filter((p) => {
    const dx = (p.px - x.shift) / x.scale - p.fx;
    const dy = (p.py - y.shift) / y.scale - p.fy;
    return Math.abs(dx) < 2 * tolerance && Math.abs(dy) < tolerance;
  });
}

/** The best labels only: one page place per label and one label per page place. */
function distinct(pins: Pin[], x: Axis, y: Axis): Pin[] {
  const error = (p: Pin) => Math.hypot((p.px - x.shift) / x.scale - p.fx, (p.py - y.shift) / y.scale - p.fy);
  const sorted = [...pins].sort((a, b) => error(a) - error(b));
  const labelsUsed = new Set<unknown>();
  const wordsUsed = new Set<unknown>();
  return sorted.filter((p) => {
    if (labelsUsed.has(p.anchor.label) || p.anchor.words.some((w) => wordsUsed.has(w))) return false;
    labelsUsed.add(p.anchor.label);
    for (const w of p.anchor.words) wordsUsed.add(w);
    return true;
  });
}

const score = (pins: Pin[]) => pins.reduce((sum, p) => sum + p.weight, 0);

function leastSquares(pins: Pin[], along: 'x' | 'y', fallback: Axis): Axis {
  const pairs = pins.map((p) => (along === 'x' ? [p.fx, p.px] : [p.fy, p.py]) as [number, number]);
  const n = pairs.length;
  if (n < 2) return fallback;
  const mf = pairs.reduce((s, [f]) => s + f, 0) / n;
  const mp = pairs.reduce((s, [, p]) => s + p, 0) / n;
  const sff = pairs.reduce((s, [f]) => s + (f - mf) ** 2, 0);
  if (sff < 1000) return fallback;
  const scale = pairs.reduce((s, [f, p]) => s + (f - mf) * (p - mp), 0) / sff;
  return { scale, shift: mp - scale * mf };
}

/** The summed weight of the labels a scale and shift per axis put in place (no arrays made). */
function agreement(pins: Pin[], x: Axis, y: Axis, tolerance: number): number {
  let sum = 0;
  for (const p of pins) {
    const dy = (p.py - y.shift) / y.scale - p.fy;
    if (dy >= tolerance || dy <= -tolerance) continue;
    const dx = (p.px - x.shift) / x.scale - p.fx;
    if (dx < 2 * tolerance && dx > -2 * tolerance) sum += p.weight;
  }
  return sum;
}

/** Consensus over pairs of labels; the pair whose scale and shift most labels agree with wins. */
function consensus(pins: Pin[]): { x: Axis; y: Axis } | null {
  const seeds = pins.filter((p) => p.anchor.label.key.length >= 6).slice(0, 60);
  let best: { x: Axis; y: Axis; score: number } | null = null;
  for (let i = 0; i < seeds.length; i++)
    for (let j = i + 1; j < seeds.length; j++) {
      const p = seeds[i]!;
      const q = seeds[j]!;
      if (p.anchor.label === q.anchor.label) continue;
      const x = axisFrom(p, q, 'x');
      const y = axisFrom(p, q, 'y');
      if (!x || !y || Math.abs(x.scale / y.scale - 1) > 0.2) continue;
      const s = agreement(pins, x, y, 4);
      if (!best || s > best.score) best = { x, y, score: s };
    }
  return best;
}

const fromAxes = (x: Axis, y: Axis): Homography => [x.scale, 0, x.shift, 0, y.scale, y.shift, 0, 0, 1];

/** Labels whose page place the map puts within a tolerance of where the form has them. */
function agreeingUnder(pins: Pin[], toForm: Homography, tolerance: number): Pin[] {
  return pins.filter((p) => {
    const [fx, fy] = project(toForm, p.px, p.py);
    return Math.abs(fx - p.fx) < 2 * tolerance && Math.abs(fy - p.fy) < tolerance;
  });
}

function distinctUnder(pins: Pin[], toForm: Homography): Pin[] {
  const error = (p: Pin) => {
    const [fx, fy] = project(toForm, p.px, p.py);
    return Math.hypot(fx - p.fx, fy - p.fy);
  };
  const sorted = [...pins].sort((a, b) => error(a) - error(b));
  const labelsUsed = new Set<unknown>();
  const wordsUsed = new Set<unknown>();
  return sorted.filter((p) => {
    if (labelsUsed.has(p.anchor.label) || p.anchor.words.some((w) => wordsUsed.has(w))) return false;
    labelsUsed.add(p.anchor.label);
    for (const w of p.anchor.words) wordsUsed.add(w);
    return true;
  });
}

/**
 * From the scale and shift most labels agree with to a plane map (a page turned a little, or
 * photographed at an angle), widening and then tightening the labels it must agree with.
 */
function refine(pins: Pin[], start: Homography): { toPage: Homography; toForm: Homography; close: Pin[] } | null {
  let toPage = start;
  let toForm = invert(start);
  if (!toForm) return null;
  let close = distinctUnder(agreeingUnder(pins, toForm, 4), toForm);
  for (const tolerance of [10, 6, 4, 4]) {
    const agree = distinctUnder(agreeingUnder(pins, toForm, tolerance), toForm);
    if (agree.length < 12) break;
    const next = fitHomography(agree.map((p) => [p.fx, p.fy]), agree.map((p) => [p.px, p.py]));
    const back = next && invert(next);
    if (!next || !back) break;
    [toPage, toForm] = [next, back];
    close = distinctUnder(agreeingUnder(pins, toForm, 4), toForm);
  }
  return { toPage, toForm, close };
}

/** `expectedWeight`: how much label weight a well-printed certificate of the form shows. */
export function fitPage(anchors: Anchor[], expectedWeight: number): Fit | null {
  const pins = anchors.map(pinOf).sort((a, b) => b.weight - a.weight);
  const first = consensus(pins);
  if (!first) return null;
  const close = distinct(agreeing(pins, first.x, first.y, 4), first.x, first.y);
  const x = leastSquares(close, 'x', first.x);
  const y = leastSquares(close, 'y', first.y);
  const axes = fromAxes(x, y);
  const plain = { toPage: axes, toForm: invert(axes)!, close: distinctUnder(agreeingUnder(pins, invert(axes)!, 4), invert(axes)!) };
  // A plane map is kept only when it places clearly more labels than scale and shift alone (a
  // page turned or photographed askew); a filler that redrew the form in other proportions is
  // better followed label by label.
  const turned = refine(pins, axes);
  const refined = turned && score(turned.close) > 1.1 * score(plain.close) ? turned : plain;
  // Labels that moved with their part of the form (an older edition's rows) are kept too, to
  // follow the page locally; far ones are other places printing the same words.
  const near = distinctUnder(agreeingUnder(pins, refined.toForm, 14), refined.toForm);
  const blocks = movedBlocks(pins, refined.toForm, near);
  const left = (p: Pin) => {
    const [fx, fy] = project(refined.toForm, p.px, p.py);
    return { anchor: p.anchor, fx: p.fx, fy: p.fy, dx: p.fx - fx, dy: p.fy - fy };
  };
  const pinned = near.map(left);
  return {
    toPage: refined.toPage,
    toForm: refined.toForm,
    pins: [...pinned, ...blocks.flatMap((b) => b.pins.map((p) => ({ ...left(p), moved: true })))],
    coverage: Math.min(1, score(refined.close) / expectedWeight),
    bands: bandsOf(blocks, [...pinned, ...blocks.flatMap((b) => b.pins.map((p) => ({ fy: p.fy, dy: b.dy })))]),
  };
}

/** Where a page point lies on the form, following the labels around it. */
export function toForm(fit: Fit, px: number, py: number): [number, number] {
  const [fx, fy] = project(fit.toForm, px, py);
  const [dx, dy] = drift(fit, fx, fy, 'placed');
  return [fx + dx, fy + dy];
}

/** Where a form point lies on the page (the inverse of toForm, to one step). */
export function toPage(fit: Fit, fx: number, fy: number): [number, number] {
  const [dx, dy] = drift(fit, fx, fy);
  return project(fit.toPage, fx - dx, fy - dy);
}

/** A word's box on the form: it moves as one piece with what the labels around its centre say. */
export function boxToForm(fit: Fit, b: Box): Box {
  const [x0, y0] = project(fit.toForm, b[0], b[1]);
  const [x1, y1] = project(fit.toForm, b[2], b[3]);
  const [dx, dy] = drift(fit, (x0 + x1) / 2, (y0 + y1) / 2, 'placed');
  return [Math.min(x0, x1) + dx, Math.min(y0, y1) + dy, Math.max(x0, x1) + dx, Math.max(y0, y1) + dy];
}

export function boxToPage(fit: Fit, b: Box): Box {
  const [x0, y0] = toPage(fit, b[0], b[1]);
  const [x1, y1] = toPage(fit, b[2], b[3]);
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
}
