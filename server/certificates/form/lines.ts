import { boxOf, minConf, type Box, type Word } from '../words';
import type { Placed } from './placed';

/** Words of a region that share a printed line, in reading order, with the line's form position. */
export interface FormLine {
  items: Placed[];
  text: string;
  /** The line's centre height on the form. */
  y: number;
  /** Left and right ends on the form. */
  x0: number;
  x1: number;
}

const mid = (b: Box) => (b[1] + b[3]) / 2;

/**
 * Lines as printed: words are grouped by their height under the page's plane map (a printed
 * line is straight there, on a turned page too, whatever following the labels does to it), then
 * the line takes its place on the form.
 */
export function formLines(items: Placed[]): FormLine[] {
  const sorted = [...items].sort((a, b) => b.level - a.level);
  const groups: Placed[][] = [];
  for (const p of sorted) {
    const h = p.at[3] - p.at[1];
    const group = groups.find((g) => {
      const seed = g[0]!;
      return seed.word.page === p.word.page && Math.abs(seed.level - p.level) < 0.5 * Math.min(h, seed.at[3] - seed.at[1]);
    });
    if (group) group.push(p);
    else groups.push([p]);
  }
  return groups.map(lineOf).sort((a, b) => b.y - a.y);
}

export function lineOf(items: Placed[]): FormLine {
  const sorted = [...items].sort((a, b) => a.word.x0 - b.word.x0);
  return {
    items: sorted,
    text: joinWords(sorted.map((p) => p.word)),
    y: sorted.reduce((s, p) => s + mid(p.at), 0) / sorted.length,
    x0: Math.min(...sorted.map((p) => p.at[0])),
    x1: Math.max(...sorted.map((p) => p.at[2])),
  };
}

/**
 * Words joined as printed: one space between words, none between glyphs a letter-spacing
 * filler set apart one by one (their gaps are narrower than a space).
 */
export function joinWords(words: Word[]): string {
  let text = '';
  words.forEach((w, i) => {
    const prev = words[i - 1];
    if (prev) {
      const size = Math.min(prev.y1 - prev.y0, w.y1 - w.y0);
      const glyphs = prev.text.length === 1 && w.text.length === 1;
      text += glyphs && w.x0 - prev.x1 < 0.22 * size ? '' : ' ';
    }
    text += w.text;
  });
  return text;
}

export const wordsOf = (items: Placed[]): Word[] => items.map((p) => p.word);
export const pageBoxOf = (items: Placed[]): Box => boxOf(wordsOf(items));
export const confOf = (items: Placed[]): number => minConf(wordsOf(items));
