// A scan's small answers read again through the fitted form. The page-wide OCR pass drops a
// letter or mark standing alone in a cell (an insurer letter, a Y in ADDL INSD, the N of the
// excluded-officers box) as noise. Each such column of the fitted form is read again, enlarged,
// with only the glyphs that column can hold; an answer the first pass read there stays as it was.
// An amount that came out in pieces is read again as one line of figures, a date that did not
// read as a date as figures and slashes, and an NAIC code, policy number or phone number that
// cannot be what it reads as with only the glyphs it can hold.
import type { PageView, RereadSource } from '../page';
import type { Box, Word } from '../words';
import { identifierLike } from '../glyphs';
import { naicCode, parseDate, parseMoney } from '../values';
import { linesIn } from './cells';
import { pageBoxOf } from './lines';
import { pageBox, placePage, type FormPage } from './placed';
import { recognisedAt } from './read';
import { columns, header, insurerLetters, insurerRow, sections } from './regions';

interface Target {
  box: Box;
  chars: string;
  answer: RegExp;
  least: number;
  from?: RereadSource;
}

/**
 * Below these engine confidences a glyph read alone is not taken. Above, the glyph keeps the
 * engine's confidence, so a doubtful one is a value for a person to confirm, never a sure one.
 * A speck read as a mark would turn a flag on, so marks need more; a re-read amount is kept
 * below CONFIDENT whatever the engine says.
 */
const letter = 0.3;
const mark = 0.6;
const figures = 0.5;

function targets(): Target[] {
  const out: Target[] = [];
  for (const s of sections) {
    out.push({ box: [columns.letter[0], s.bottom, columns.letter[1] + 2, s.top], chars: 'ABCDEF', answer: /^[A-F]$/, least: letter });
    // The form prints "N / A" in the workers' compensation row's ADDL INSD cell.
    if (s.kind !== 'workers_compensation') out.push({ box: [columns.addl[0], s.bottom, columns.addl[1], s.top], chars: 'XYN', answer: /^[XYN]$/, least: mark });
    out.push({ box: [columns.subr[0], s.bottom, columns.subr[1], s.top], chars: 'XYN', answer: /^[XYN]$/, least: mark });
  }
  // The excluded-officers box, below its printed "Y / N". The engine reads a letter in a box
  // with little confidence (a bold N comes out "NN" at 0): it is taken at that confidence, a
  // value for a person to confirm.
  out.push({ box: [151, 279, 175, 294], chars: 'YN', answer: /^(?:Y+|N+)$/, least: 0, from: 'boxed' });
  return out;
}

/** An amount as the form's cells print it: "$1,000,000", "1,000,000", "500000". */
const wellFormed = /^\$?(?:\d{1,3}(?:,\d{3})+|\d{1,9})$/;

/** The most an amount read a second time can be trusted: the first reading of it failed. */
const rereadAmount = 0.75;

/**
 * Amount lines of the grid that did not read as an amount ("$1,0 000, 000": one glyph read twice
 * across two words): each is read again as one line of figures. A well-formed amount replaces
 * the pieces, below CONFIDENT; anything else leaves them as they were.
 */
async function amounts(view: PageView, page: FormPage): Promise<{ drop: Set<Word>; add: Word[] }> {
  const broken = sections.flatMap((s) =>
    linesIn(page, [columns.amount[0], s.bottom, columns.amount[1], s.top]).filter((l) => /\d/.test(l.text) && parseMoney(l.text.replace(/\$/g, ' ').trim()) === null),
  );
  const around = (b: Box): Box => [b[0] - 3, b[1] - 2, b[2] + 3, b[3] + 2];
  const readings = await Promise.all(broken.map((l) => view.reread!(around(pageBoxOf(l.items)), '$0123456789,')));
  const drop = new Set<Word>();
  const add: Word[] = [];
  broken.forEach((l, i) => {
    const found = readings[i]!;
    const text = found.map((w) => w.text).join('');
    if (found.length === 0 || !wellFormed.test(text) || Math.min(...found.map((w) => w.conf)) < figures) return;
    for (const p of l.items) drop.add(p.word);
    const [first, last] = [found[0]!, found[found.length - 1]!];
    add.push({ ...first, text, x1: last.x1, conf: Math.min(rereadAmount, ...found.map((w) => w.conf)) });
  });
  return { drop, add };
}

/** The most a date read a second time can be trusted: the first reading of it failed. */
const rereadDate = 0.75;

/**
 * Dates of the grid that did not read as a date ("VB/1212024"): each is read again, from the
 * page as scanned, as a line of figures and slashes. A date that parses replaces the pieces at
 * the engine's confidence (often low: a value for a person to confirm, never a sure one), and
 * below CONFIDENT always; anything else leaves them as they were, for the row to say it is unread.
 */
async function dates(view: PageView, page: FormPage): Promise<{ drop: Set<Word>; add: Word[] }> {
  const broken = sections.flatMap((s) =>
    [columns.eff, columns.exp].flatMap((c) => linesIn(page, [c[0], s.bottom, c[1], s.top]).filter((l) => /\d/.test(l.text) && parseDate(l.text) === null)),
  );
  const around = (b: Box): Box => [b[0] - 2, b[1] - 2, b[2] + 2, b[3] + 2];
  const readings = await Promise.all(broken.map((l) => view.reread!(around(pageBoxOf(l.items)), '0123456789/', 'scanned')));
  const drop = new Set<Word>();
  const add: Word[] = [];
  broken.forEach((l, i) => {
    const found = readings[i]!;
    const text = found.map((w) => w.text).join('');
    // A date is its own check: whatever the engine's confidence, it is kept at that confidence.
    if (found.length === 0 || parseDate(text) === null) return;
    for (const p of l.items) drop.add(p.word);
    const [first, last] = [found[0]!, found[found.length - 1]!];
    add.push({ ...first, text, x1: last.x1, conf: Math.min(rereadDate, ...found.map((w) => w.conf)) });
  });
  return { drop, add };
}

/** The most a code or number read a second time can be trusted: the first reading of it failed. */
const rereadCode = 0.75;

/** Glyphs no policy number prints, that OCR gives for an italic 7 or a smudge ("CLV/195949"). */
const strayGlyph = /[/~\\|!?]/;

interface Cell {
  box: Box;
  chars: string;
  /** Whether the first reading of the cell's line is wrong as printed. */
  broken: (text: string) => boolean;
  /** Whether a second reading is a well-formed value for the cell (given the first). */
  good: (text: string, first: string) => boolean;
}

/** A North American number has ten figures, or eleven with the country's 1 before them. */
const figures10 = (t: string) => {
  const d = t.replace(/\D/g, '');
  return d.length === 10 || (d.length === 11 && d.startsWith('1'));
};

const cells = (): Cell[] => [
  // A phone or fax number a figure too long is one figure read twice ("98611846320").
  ...[header.phone, header.fax].map((box) => ({
    box,
    chars: '0123456789()-. ',
    broken: (t: string) => t.replace(/\D/g, '').length >= 9 && !figures10(t),
    good: (t: string) => figures10(t),
  })),
  // An NAIC code is five figures, or AA- and seven for an alien insurer.
  ...insurerLetters.map((l) => ({
    box: insurerRow(l).naic,
    chars: '0123456789A-',
    broken: (t: string) => /\d/.test(t) && naicCode(t, true) === null,
    good: (t: string) => naicCode(t, true) !== null,
  })),
  ...sections.map((s) => ({
    box: [columns.number[0], s.bottom, columns.number[1], s.top] as Box,
    chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-',
    broken: (t: string) => strayGlyph.test(t) && /\d/.test(t),
    // The same number, with its stray glyph read as a letter or figure: as long, give or take one.
    good: (t: string, first: string) => identifierLike.test(t) && Math.abs(t.length - first.replace(/\s/g, '').length) <= 1,
  })),
];

/**
 * Codes and policy numbers of the form that are not well formed as read ("4863/7" for an NAIC
 * code, "CLV/195949"): each line is read again, from the page as scanned, with only the glyphs
 * such a value prints. A well-formed reading replaces the line's words, below CONFIDENT.
 */
async function codes(view: PageView, page: FormPage): Promise<{ drop: Set<Word>; add: Word[] }> {
  const broken = cells().flatMap((c) => linesIn(page, c.box).filter((l) => c.broken(l.text)).map((l) => ({ c, l })));
  const around = (b: Box): Box => [b[0] - 2, b[1] - 2, b[2] + 2, b[3] + 2];
  const readings = await Promise.all(broken.map(({ c, l }) => view.reread!(around(pageBoxOf(l.items)), c.chars, 'scanned')));
  const drop = new Set<Word>();
  const add: Word[] = [];
  broken.forEach(({ c, l }, i) => {
    const found = readings[i]!;
    const text = found.map((w) => w.text).join('');
    if (found.length === 0 || !c.good(text, l.text) || Math.min(...found.map((w) => w.conf)) < figures) return;
    for (const p of l.items) drop.add(p.word);
    const [first, last] = [found[0]!, found[found.length - 1]!];
    add.push({ ...first, text, x1: last.x1, conf: Math.min(rereadCode, ...found.map((w) => w.conf)) });
  });
  return { drop, add };
}

const overlaps = (a: Word, b: Word) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/** The page with the lone answers the first pass missed added to its words. */
export async function rereadAnswers(view: PageView): Promise<PageView> {
  if (!view.ocr || !view.reread) return view;
  const page = placePage(view);
  if (!page || page.fit.coverage < recognisedAt) return view;
  const list = targets();
  const readings = await Promise.all(list.map((t) => view.reread!(pageBox(page, t.box), t.chars, t.from)));
  const added: Word[] = [];
  list.forEach((t, i) => {
    for (const w of readings[i]!) {
      if (w.conf < t.least || !t.answer.test(w.text)) continue;
      // An answer the first pass read there stands; a speck or stroke it read there is no answer.
      if (view.words.some((o) => overlaps(o, w) && t.answer.test(o.text.replace(/[^A-Za-z]/g, '')))) continue;
      added.push({ ...w, text: w.text[0]!, answer: true });
    }
  });
  const parts = await Promise.all([amounts(view, page), dates(view, page), codes(view, page)]);
  const fixed = { drop: new Set(parts.flatMap((p) => [...p.drop])), add: parts.flatMap((p) => p.add) };
  if (!added.length && !fixed.add.length) return view;
  return { ...view, words: [...view.words.filter((w) => !fixed.drop.has(w)), ...added, ...fixed.add] };
}
