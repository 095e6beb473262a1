// Parts of the form a filler redrew in other proportions move as one block: a shorter remarks
// box lifts the certificate holder, the cancellation notice and the footer together. Such a
// block is found by its own labels: labels the fit leaves far from their place, but that agree
// with each other on how far. A single label far away is another place printing the same words
// (the notice names the CERTIFICATE HOLDER and an ADDITIONAL INSURED), so it never counts alone.
import type { Word } from '../words';
import type { Pin } from './fit';
import { project, type Homography } from './homography';

interface Residual {
  pin: Pin;
  dx: number;
  dy: number;
}

/** A block moves up or down the page; across, it stays in its column. */
const across = 24;
/** Farther than this, a label belongs to no block of this form. */
const farthest = 160;
/** Labels of one block agree with each other this closely (form points). */
const agree = { dx: 16, dy: 6 };
/** The labels of one block stand this close on the form. */
const blockHeight = 140;
/** Letters a block's labels must hold between them: two short words say too little. */
const enoughLetters = 16;

export interface Block {
  pins: Pin[];
  /** What the fit leaves over across the block (form points): the block's own shift. */
  dx: number;
  dy: number;
}

/** Blocks that moved as a whole, found among the labels beyond those the fit already keeps (`taken`). */
export function movedBlocks(pins: Pin[], toForm: Homography, taken: Pin[]): Block[] {
  const labels = new Set<unknown>(taken.map((p) => p.anchor.label));
  const words = new Set<Word>(taken.flatMap((p) => p.anchor.words));
  const free = (p: Pin) => !labels.has(p.anchor.label) && !p.anchor.words.some((w) => words.has(w));
  const far: Residual[] = [];
  for (const pin of pins) {
    if (!free(pin)) continue;
    const [fx, fy] = project(toForm, pin.px, pin.py);
    const dx = pin.fx - fx;
    const dy = pin.fy - fy;
    if (Math.abs(dx) <= across && Math.abs(dy) <= farthest) far.push({ pin, dx, dy });
  }
  far.sort((a, b) => b.pin.weight - a.pin.weight);
  const out: Block[] = [];
  for (const seed of far) {
    if (!free(seed.pin)) continue;
    const block = [seed];
    for (const r of far) {
      if (r === seed || !free(r.pin) || block.some((b) => b.pin.anchor.label === r.pin.anchor.label || b.pin.anchor.words.some((w) => r.pin.anchor.words.includes(w)))) continue;
      const near = Math.abs(r.dx - seed.dx) <= agree.dx && Math.abs(r.dy - seed.dy) <= agree.dy && Math.abs(r.pin.fy - seed.pin.fy) <= blockHeight;
      if (near) block.push(r);
    }
    const letters = block.reduce((n, r) => n + r.pin.anchor.label.key.length, 0);
    if (block.length < 2 || letters < enoughLetters) continue;
    for (const r of block) {
      labels.add(r.pin.anchor.label);
      for (const w of r.pin.anchor.words) words.add(w);
    }
    const mean = (pick: (r: Residual) => number) => block.reduce((sum, r) => sum + pick(r), 0) / block.length;
    out.push({ pins: block.map((r) => r.pin), dx: mean((r) => r.dx), dy: mean((r) => r.dy) });
  }
  return out;
}

export interface Band {
  /** From the block's top label down to the next label that moved otherwise (placed form points). */
  top: number;
  bottom: number;
  dx: number;
  dy: number;
}

/**
 * The stretch of page each moved block carries: everything from its top label down to the first
 * label below that moved by another amount (another block, or the form's own place), across the
 * page, since a block is a full-width part of the form (the holder beside the cancellation).
 */
export function bandsOf(blocks: Block[], kept: { fy: number; dy: number }[]): Band[] {
  const placed = (p: { fy: number; dy: number }) => p.fy - p.dy;
  return blocks.map((b) => {
    const top = Math.max(...b.pins.map((p) => placed({ fy: p.fy, dy: b.dy }))) + 4;
    const below = kept.filter((p) => placed(p) < top - 8 && Math.abs(p.dy - b.dy) > agree.dy).map(placed);
    return { top, bottom: below.length ? Math.max(...below) + 4 : -Infinity, dx: b.dx, dy: b.dy };
  });
}
