// Small readers shared by the form's parts: a column's words near a height, checkboxes, flags.
import { CHECKED } from '../page';
import type { Box } from '../words';
import { confOf, formLines, type FormLine } from './lines';
import { pageBox, placementAt, valuesIn, type FormPage, type Placed } from './placed';

export const grow = (b: Box, dx: number, dy: number): Box => [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];

/** Lines of the values in a region of the form. */
export function linesIn(page: FormPage, region: Box): FormLine[] {
  return formLines(valuesIn(page, region));
}

/**
 * Lines of a block of free text (a party, the remarks): a line belongs where most of it stands,
 * so a word that following the labels lifts a little past the block's edge stays with its line.
 */
export function blockLinesIn(page: FormPage, region: Box): FormLine[] {
  return formLines(valuesIn(page, grow(region, 0, slack))).filter((l) => l.y >= region[1] && l.y <= region[3]);
}

/** How far past a block's edge a word of one of its lines may stand (form points, half a line). */
const slack = 6;

export interface Reading<T> {
  value: T;
  items: Placed[];
  /** Page box to show a reviewer (when there are no words, the region itself). */
  box: Box;
  confidence: number;
}

/** Confidence of words read from a region: the engine's, times how well the page is placed there. */
export function confidenceOf(page: FormPage, region: Box, items: Placed[]): number {
  const ocr = items.length ? confOf(items) : page.view.ocr ? 0.85 : 1;
  return ocr * Math.min(1, 0.55 + 0.45 * placementAt(page, region));
}

/**
 * Whether a checkbox holds a mark, and how sure that is. The box is looked for a little beyond
 * its place (`reach`, points across and up and down), as a page is never fitted exactly.
 */
export function checkbox(page: FormPage, box: Box, reach: [number, number] = [2.5, 1.5]): { on: boolean; confidence: number; box: Box } {
  const area = pageBox(page, grow(box, reach[0], reach[1]));
  const probe = page.view.probe(area);
  const sureness = Math.abs(probe - CHECKED) * 2;
  const placed = Math.min(1, 0.55 + 0.45 * placementAt(page, box));
  return { on: probe >= CHECKED, confidence: Math.min(sureness, placed), box: area };
}

/** A Y/N or X answer column near a height: true for Y, X or a mark; false for N or nothing. */
export function flagNear(page: FormPage, column: readonly [number, number], y0: number, y1: number): Reading<boolean> {
  const region: Box = [column[0], y0, column[1], y1];
  const items = valuesIn(page, region).filter((p) => /^(?:Y|YES|X|N|NO)$/i.test(p.word.text.replace(/[^A-Za-z]/g, '')));
  const area = pageBox(page, region);
  if (items.length) {
    const yes = items.some((p) => /^(?:Y|YES|X)$/i.test(p.word.text.replace(/[^A-Za-z]/g, '')));
    return { value: yes, items, box: area, confidence: confidenceOf(page, region, items) };
  }
  const mark = checkbox(page, region);
  // On a scan, no Y or X read in a whole column may be one OCR missed: a blank there is not
  // sure enough to tell anyone the policy lacks the flag.
  const missed = page.view.ocr && !mark.on;
  // A Y or X just outside the region may be this row's, printed across the line between rows.
  const straddling = !mark.on && valuesIn(page, grow(region, 0, 6)).some((p) => /^(?:Y|YES|X)$/i.test(p.word.text.replace(/[^A-Za-z]/g, '')));
  // Ink on a scan where OCR read no letter may be the N it did not read: it is no sure yes.
  const unread = page.view.ocr && mark.on;
  const confidence = missed || straddling || unread ? Math.min(mark.confidence, straddling || unread ? 0.6 : 0.7) : mark.confidence;
  return { value: mark.on, items: [], box: area, confidence };
}
