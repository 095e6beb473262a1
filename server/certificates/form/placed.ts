// A page seen through its fit: every word with where it lies on the official form, the words
// that are the form's own print set apart, and the checkbox marks.
import type { PageView } from '../page';
import { centerX, centerY, type Box, type Word } from '../words';
import { findAnchors, splitGlued } from './anchors';
import { current, otherGrids, type Edition } from './editions';
import { boxToForm, boxToPage, fitPage, type Fit } from './fit';
import { support } from './follow';
import { project } from './homography';
import { keyOf, olderBoilerplate, proseBoxes, type Label } from './geometry';
import { ocrDistance } from '../vocabulary';
import { unwarpBox, unwarpPoint, warpBox, zoneAt } from './warp';

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
  /** The edition whose labels the page was fitted to; `fit` maps the page onto its form. */
  edition: Edition;
  fit: Fit;
  /** Doubts about words that stand where the 2016/03 form has no place for them. */
  unplaced: string[];
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

/**
 * A word that prints what the blank form prints at that spot (a "$", "N / A", an unmatched label).
 * A label found on the page is where the page prints it (`found`, page boxes), not where the blank
 * has it: remarks printed a line from the blank's place may use its words ("additional").
 */
function printedByForm(p: Placed, ocr: boolean, labels: Label[], found: Map<Label, Box>): boolean {
  const key = keyOf(p.word.text);
  const x = cx(p.at);
  const y = cy(p.at);
  if (p.word.text === '$' && !inside(remarksArea, x, y)) return true;
  if (ocr && dollarSign(p)) return true;
  if (olderBoilerplate.includes(key)) return true;
  // Punctuation is the form's only beside one of its labels ("N / A", "(MM/DD/YYYY)").
  const there = (l: Label) => {
    const page = found.get(l);
    if (!page) return inside(l.box, x, y, 3);
    const w = p.word;
    return inside(page, (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, (page[3] - page[1]) / 2);
  };
  return labels.some((l) => there(l) && (l.key === key || (key.length >= 2 && l.key.includes(key)) || key === '' || (ocr && misreadOf(key, l))));
}

/** Where the 2016/03 form prints each limit's "$", at the left of the amount column. */
const dollarColumn = [511, 525] as const;

/**
 * The form's "$" before an amount, as OCR misreads it ("'s", "S$", "I", or noise it doubts: "TT"
 * at 0): a short word without digits at the sign's spot in the grid. Read as part of the amount,
 * it made the limit unreadable.
 */
function dollarSign(p: Placed): boolean {
  const x = cx(p.at);
  const y = cy(p.at);
  const text = p.word.text.replace(/\s+/g, '');
  const signLike = !/[^$SsIl|'"`,.;:!]/.test(text) || p.word.conf < 0.3;
  // No limit is a single figure: one glyph there is the sign read as a digit ("3", "5").
  const shape = text.length === 1 || (text.length <= 3 && !/\d/.test(text) && signLike);
  return shape && x >= dollarColumn[0] && x <= dollarColumn[1] && y >= 221.5 && y <= 492;
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

// Two dates OCR ran together, with or without a glyph between or after them
// ("09/15/2025,09/15/2026", "11/1212024'11/1212025", a slash read as 1 in two-digit fields).
const oneDate = String.raw`(?:\d{2}[/\-.1]\d{2}[/\-.1]\d{4}|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4})`;
const gluedDates = new RegExp(String.raw`^(${oneDate})([^\d\s]?)(${oneDate})[^\d\s]?$`);

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
    if (dates) return [part(dates[1]!, 0), part(dates[3]!, dates[1]!.length + dates[2]!.length)];
    return [w];
  });
}

/** A page fitted to one edition's labels, its words carried onto the 2016/03 form. */
function placeOn(view: PageView, words: Word[], edition: Edition): FormPage | null {
  // An answer read again in its box (the N below the printed "Y / N") would complete the label.
  const fit = fitPage(findAnchors(words.filter((w) => !w.answer), view.ocr, edition.index), edition.expectedWeight);
  if (!fit) return null;
  const labelWords = new Set<Word>(fit.pins.flatMap((p) => p.anchor.words));
  const found = new Map<Label, Box>(fit.pins.map((p) => [p.anchor.label, p.anchor.box]));
  const values: Placed[] = [];
  const glyphMarks: Placed[] = [];
  const unplaced = new Set<string>();
  for (const word of words) {
    if (labelWords.has(word)) continue;
    const own = boxToForm(fit, [word.x0, word.y0, word.x1, word.y1]);
    const at = edition.zones ? warpBox(edition.zones, own) : { box: own };
    if (!at) {
      const doubt = edition.zones && zoneAt(edition.zones, cx(own), cy(own))?.doubt;
      if (doubt && !printedByForm({ word, at: own, level: 0 }, view.ocr, edition.labels, found)) unplaced.add(doubt);
      continue;
    }
    const p: Placed = { word, at: at.box, level: levelOf(fit, word) };
    if (proseBoxes.some((b) => inside(b, cx(p.at), cy(p.at), 1))) continue;
    if (markGlyph.test(word.text)) glyphMarks.push(p);
    if (printedByForm(p, view.ocr, edition.printed, found)) continue;
    values.push(p);
  }
  return { view, edition, fit, unplaced: [...unplaced], values, glyphMarks };
}

/** Below this share of the current form's labels found, editions with another grid are tried. */
const wellFitted = 0.6;

export function placePage(view: PageView): FormPage | null {
  const words = splitGlued(view.ocr ? splitRunTogether(view.words) : view.words);
  let best = placeOn(view, words, current);
  if (best && best.fit.coverage >= wellFitted) return best;
  for (const edition of otherGrids) {
    const other = placeOn(view, words, edition);
    // Another edition must fit clearly better: the editions share many labels.
    if (other && (!best || other.fit.coverage > 1.25 * best.fit.coverage)) best = other;
  }
  return best;
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
  const zones = page.edition.zones;
  if (!zones) return support(page.fit, cx(region), cy(region));
  const own = unwarpPoint(zones, cx(region), cy(region));
  if (!own) return 0;
  const placed = support(page.fit, own.x, own.y);
  return own.loose ? Math.min(placed, loosePlacement) : placed;
}

/** How sure a value in a loose column of an older edition can be placed: never enough to act on. */
const loosePlacement = 0.3;

/** Off the page: where a region the page's edition has no place for is looked at. */
const nowhere: Box = [-20, -20, -19, -19];

/** A form region as a page box, for provenance and for looking at the page's ink. */
export function pageBox(page: FormPage, region: Box): Box {
  const zones = page.edition.zones;
  if (!zones) return boxToPage(page.fit, region);
  const own = unwarpBox(zones, region);
  return own ? boxToPage(page.fit, own.box) : nowhere;
}

export { centerX, centerY };
