// A page seen through its fit: every word with where it lies on the official form, the words
// that are the form's own print set apart, and the checkbox marks.
import type { PageView } from '../page';
import { centerX, centerY, type Box, type Word } from '../words';
import { findAnchors, splitGlued } from './anchors';
import { boxToForm, boxToPage, fitPage, support, type Fit } from './fit';
import { project } from './homography';
import { keyOf, labels, olderBoilerplate, proseBoxes, type Label } from './geometry';
import { ocrDistance } from '../vocabulary';

export interface Placed {
  word: Word;
  /** The word's box on the official form. */
  at: Box;
  /**
   * The height of the word's middle under the page's plane map alone, without following the
   * labels around it: a printed line is straight there, on a turned page too.
   */
  level: number;
}

export interface FormPage {
  view: PageView;
  fit: Fit;
  /** Words that are values: not a label, not the form's prose. */
  values: Placed[];
  /** Checkbox marks printed as glyphs (X, check, cross) with their form boxes. */
  glyphMarks: Placed[];
}

const remarksArea: Box = [18, 138, 596, 219];
const inside = (b: Box, x: number, y: number, pad = 0) => x >= b[0] - pad && x <= b[2] + pad && y >= b[1] - pad && y <= b[3] + pad;
const cx = (b: Box) => (b[0] + b[2]) / 2;
const cy = (b: Box) => (b[1] + b[3]) / 2;

/** Glyphs fillers use to tick a box (ZapfDingbats arrives as the Unicode check and cross). */
export const markGlyph = /^[Xx✓✔✗✘☒☑■●✕✖⌧]$/;

/** A word that prints what the blank form prints at that spot (a "$", "N / A", an unmatched label). */
function printedByForm(p: Placed, ocr: boolean): boolean {
  const key = keyOf(p.word.text);
  const x = cx(p.at);
  const y = cy(p.at);
  if (p.word.text === '$' && !inside(remarksArea, x, y)) return true;
  if (olderBoilerplate.includes(key)) return true;
  // Punctuation is the form's only beside one of its labels ("N / A", "(MM/DD/YYYY)").
  return labels.some((l) => inside(l.box, x, y, 3) && (l.key === key || (key.length >= 2 && l.key.includes(key)) || key === '' || (ocr && misreadOf(key, l))));
}

/** A word OCR misread from one of a label's own words ("persan)" for "person)"). */
function misreadOf(key: string, label: Label): boolean {
  if (key.length < 2 || markGlyph.test(key)) return false;
  const allowed = Math.max(1, Math.floor(key.length / 3));
  return label.text.split(/\s+/).some((w) => {
    const k = keyOf(w);
    return Math.abs(k.length - key.length) <= allowed && ocrDistance(key, k, allowed) <= allowed;
  });
}

const gluedDates = /^(\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4})(\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4})$/;

/**
 * What OCR ran together becomes one word each: marks over the ADDL and SUBR columns ("XX"), the
 * two policy dates ("05/26/202305/26/2024").
 */
function splitRunTogether(words: Word[]): Word[] {
  return words.flatMap((w) => {
    const per = (w.x1 - w.x0) / Math.max(1, w.text.length);
    const part = (text: string, from: number): Word => ({ ...w, text, x0: w.x0 + from * per, x1: w.x0 + (from + text.length) * per });
    if (/^[XxYy✔]{2,3}$/.test(w.text)) return [...w.text].map((ch, i) => part(ch, i));
    const dates = gluedDates.exec(w.text);
    if (dates) return [part(dates[1]!, 0), part(dates[2]!, dates[1]!.length)];
    return [w];
  });
}

export function placePage(view: PageView): FormPage | null {
  const words = splitGlued(view.ocr ? splitRunTogether(view.words) : view.words);
  const anchors = findAnchors(words, view.ocr);
  const fit = fitPage(anchors);
  if (!fit) return null;
  const labelWords = new Set<Word>(fit.pins.flatMap((p) => p.anchor.words));
  const values: Placed[] = [];
  const glyphMarks: Placed[] = [];
  for (const word of words) {
    if (labelWords.has(word)) continue;
    const p: Placed = { word, at: boxToForm(fit, [word.x0, word.y0, word.x1, word.y1]), level: levelOf(fit, word) };
    if (proseBoxes.some((b) => inside(b, cx(p.at), cy(p.at), 1))) continue;
    if (markGlyph.test(word.text)) glyphMarks.push(p);
    if (printedByForm(p, view.ocr)) continue;
    values.push(p);
  }
  return { view, fit, values, glyphMarks };
}

function levelOf(fit: Fit, w: Word): number {
  return project(fit.toForm, (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2)[1];
}

/** Values whose centre lies in a form region. */
export function valuesIn(page: FormPage, region: Box): Placed[] {
  return page.values.filter((p) => inside(region, cx(p.at), cy(p.at)));
}

/** How sure the page's placement is around a form region (0..1). */
export function placementAt(page: FormPage, region: Box): number {
  return support(page.fit, cx(region), cy(region));
}

/** A form region as a page box, for provenance and for looking at the page's ink. */
export function pageBox(page: FormPage, region: Box): Box {
  return boxToPage(page.fit, region);
}

export { centerX, centerY };
