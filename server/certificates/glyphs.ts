// Letter or digit, by the shape of the ink. In a policy or certificate number nothing tells the
// recogniser whether a round glyph is O or 0, or a stroke I or 1; the ink does. In nearly every
// typeface the letter O is about as wide as it is tall and the digit 0 is a narrow oval, and
// the digit 1 has a flag on one side where the letter I is the same on both. Likewise a name's
// capital L read as a bare stroke ("|ee") shows its foot in the ink.
import type { Bitmap } from './clean';
import type { OcrWord } from './lone-letters';

export interface Glyph {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Columns of ink in the word's box, split where a column is empty; specks are dropped. */
export function segmentGlyphs(ink: Bitmap, box: OcrWord['bbox']): Glyph[] {
  const x0 = Math.max(0, Math.floor(box.x0) - 1), x1 = Math.min(ink.width - 1, Math.ceil(box.x1) + 1);
  const y0 = Math.max(0, Math.floor(box.y0) - 1), y1 = Math.min(ink.height - 1, Math.ceil(box.y1) + 1);
  const runs: Glyph[] = [];
  let open: Glyph | null = null;
  for (let x = x0; x <= x1 + 1; x++) {
    let top = -1, bottom = -1;
    if (x <= x1)
      for (let y = y0; y <= y1; y++)
        if (ink.data[y * ink.width + x]) {
          if (top < 0) top = y;
          bottom = y;
        }
    if (top >= 0) {
      if (open) [open.x1, open.y0, open.y1] = [x, Math.min(open.y0, top), Math.max(open.y1, bottom)];
      else open = { x0: x, x1: x, y0: top, y1: bottom };
    } else if (open) {
      runs.push(open);
      open = null;
    }
  }
  const tallest = Math.max(0, ...runs.map((g) => g.y1 - g.y0 + 1));
  return runs.filter((g) => g.y1 - g.y0 + 1 >= 0.45 * tallest);
}

const height = (g: Glyph) => g.y1 - g.y0 + 1;
const width = (g: Glyph) => g.x1 - g.x0 + 1;

export interface GlyphShape {
  /** Width over height of the ink. */
  aspect: number;
  /** Share of the ink whose mirror image across the glyph's middle is ink too. */
  symmetry: number;
}

export function glyphShape(ink: Bitmap, g: Glyph): GlyphShape {
  let inked = 0, mirrored = 0;
  for (let y = g.y0; y <= g.y1; y++)
    for (let x = g.x0; x <= g.x1; x++) {
      if (!ink.data[y * ink.width + x]) continue;
      inked++;
      if (ink.data[y * ink.width + (g.x0 + g.x1 - x)]) mirrored++;
    }
  return { aspect: width(g) / height(g), symmetry: inked ? mirrored / inked : 0 };
}

/** Six or more letters and digits, some digits: the shape of a policy or certificate number. */
export const identifierLike = /^(?=.*\d)[A-Za-z0-9-]{6,}$/;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** O or 0, I or 1 by shape; null when the shape does not say clearly. */
function lookalike(char: string, shape: GlyphShape, widthToDigits: number): string | null {
  if (/[O0o]/.test(char)) {
    if (widthToDigits >= 1.19 && shape.aspect >= 0.78 && shape.symmetry >= 0.7) return 'O';
    if (widthToDigits < 1.17 && shape.aspect < 0.77) return '0';
  }
  // A bare upright stroke is the letter; a digit 1 carries a flag or foot that widens it.
  if (/[I1l|]/.test(char)) {
    if (shape.aspect <= 0.19 && widthToDigits <= 0.28) return 'I';
    if (shape.aspect >= 0.26 && shape.aspect <= 0.45 && shape.symmetry < 0.85) return '1';
  }
  return null;
}

/**
 * Settles O/0 and I/1 in words shaped like policy or certificate numbers by the width of their
 * ink against the word's other digits. A word whose glyphs cannot be told apart one by one
 * (touching letters, a stray mark) is left as read.
 */
export function settleLookalikes(words: OcrWord[], ink: Bitmap): OcrWord[] {
  return words.map((w) => {
    const text = w.text.trim();
    if (!identifierLike.test(text) || !/[O0oI1l|]/.test(text)) return w;
    const chars = [...text].map((c, i) => ({ c, i })).filter((x) => x.c !== '-');
    const glyphs = segmentGlyphs(ink, w.bbox);
    if (glyphs.length !== chars.length) return w;
    const digits = chars.flatMap((x, k) => (/[2-9]/.test(x.c) ? [width(glyphs[k]!)] : []));
    if (digits.length < 2) return w;
    const digitWidth = median(digits);
    const out = [...text];
    chars.forEach((x, k) => {
      const g = glyphs[k]!;
      const settled = lookalike(x.c, glyphShape(ink, g), width(g) / digitWidth);
      if (settled) out[x.i] = settled;
    });
    const next = out.join('');
    return next === text ? w : { ...w, text: next };
  });
}

/** A stroke OCR read before lower-case letters ("|ee", "1,ee", "|_ee"): perhaps a capital L. */
const strokeBeforeLetters = /^[|1Il!][_,.]?(?=[a-z]{2,}$)/;

/** The first run of ink from the left in one row of the glyph, or null. */
function firstRun(ink: Bitmap, g: Glyph, y: number): [number, number] | null {
  let x = g.x0;
  while (x <= g.x1 && !ink.data[y * ink.width + x]) x++;
  if (x > g.x1) return null;
  const start = x;
  while (x <= g.x1 && ink.data[y * ink.width + x]) x++;
  return [start, x - 1];
}

/**
 * The glyph starts with an L: an upright stem whose bottom rows run on to the right, well past
 * the stem, and hardly to its left (a serif 1 or I has its foot on both sides).
 */
function startsWithFoot(ink: Bitmap, g: Glyph): boolean {
  const h = height(g);
  const middle = firstRun(ink, g, Math.round(g.y0 + 0.5 * h));
  if (!middle) return false;
  const stem = middle[1] - middle[0] + 1;
  if (stem > 0.3 * h) return false;
  for (let y = g.y1; y >= g.y1 - Math.max(1, Math.round(0.15 * h)); y--) {
    const run = firstRun(ink, g, y);
    if (!run) continue;
    const right = run[1] - middle[1];
    const left = middle[0] - run[0];
    if (right >= 2 * stem && right >= 0.3 * h && left < right / 3) return true;
  }
  return false;
}

/** A name's first letter L read as a bare stroke is restored when the ink shows the L's foot. */
export function settleCapitalL(words: OcrWord[], ink: Bitmap): OcrWord[] {
  return words.map((w) => {
    const text = w.text.trim();
    if (!strokeBeforeLetters.test(text)) return w;
    const first = segmentGlyphs(ink, w.bbox)[0];
    return first && startsWithFoot(ink, first) ? { ...w, text: text.replace(strokeBeforeLetters, 'L') } : w;
  });
}

/**
 * No English word starts "Ln", "Lr" or "Lm": that is a capital I OCR read as L ("Lnsurance",
 * "Lronwood", "Lndustrial"). A capital I after a word's first capital and before small letters
 * is a small l ("EIm", "OIson").
 */
export const capitalI = (text: string) => text.replace(/^L(?=[nrm][a-z])/, 'I').replace(/^([A-Z])I(?=[a-z])/, '$1l');
