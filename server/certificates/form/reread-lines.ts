// A scan's lines that cannot be what they read as, read again through the fitted form: an
// amount that came out in pieces ("$1,0 000, 000"), a date that is no date ("VB/1212024"), an
// NAIC code or policy number holding a glyph it cannot ("4863/7", "CLV/195949": an italic 7 read
// as a slash), a phone number a figure too long (one figure read twice). Each such line is read
// again, enlarged, with only the glyphs its value prints; a well-formed reading replaces the
// line's words, below CONFIDENT (the first reading failed); anything else leaves them as they
// were, for the reader to say what it could not read.
import type { PageView, RereadSource } from '../page';
import type { Box, Word } from '../words';
import { identifierLike } from '../glyphs';
import { naicCode, parseDate, parseMoney, tenFigures } from '../values';
import { linesIn } from './cells';
import { pageBoxOf } from './lines';
import type { FormPage } from './placed';
import { columns, header, insurerLetters, insurerRow, sections } from './regions';

interface Cell {
  box: Box;
  chars: string;
  /** Whether the first reading of a line of the cell cannot be what the cell holds. */
  broken: (text: string) => boolean;
  /** Whether a second reading is a well-formed value for the cell (given the first). */
  good: (text: string, first: string) => boolean;
  /** Whether two readings give the same value. */
  same: (a: string, b: string) => boolean;
  /** Below this engine confidence a second reading is not taken. */
  least: number;
  from: RereadSource;
  /** Points added to each side of the line's box. */
  pad: number;
}

/** The most a line read a second time can be trusted: its first reading failed. */
const reread = 0.75;

/** An amount as the form's cells print it: "$1,000,000", "1,000,000", "500000". */
const wellFormed = /^\$?(?:\d{1,3}(?:,\d{3})+|\d{1,9})$/;

/** Glyphs no policy number prints, that OCR gives for an italic 7 or a smudge. */
const strayGlyph = /[/~\\|!?]/;

const column = (c: readonly [number, number], s: { bottom: number; top: number }): Box => [c[0], s.bottom, c[1], s.top];

const money = (t: string) => parseMoney(t.replace(/\$/g, ' ').trim());

/** An amount's cell: its place is given with it. */
const amountCell = {
  chars: '$0123456789,',
  broken: (t: string) => /\d/.test(t) && money(t) === null,
  good: (t: string) => wellFormed.test(t),
  same: (a: string, b: string) => money(a) !== null && money(a) === money(b),
  least: 0.5,
  from: 'cleaned' as const,
  pad: 3,
};

function cells(): Cell[] {
  const scanned = { least: 0.5, from: 'scanned' as const, pad: 2, same: (a: string, b: string) => glyphsOf(a) === glyphsOf(b) };
  return [
    ...sections.map((s) => ({ ...amountCell, box: column(columns.amount, s) })),
    // The umbrella's DED / RETENTION amount, printed beside its boxes.
    ...sections.flatMap((s) => (s.checks.amount ? [{ ...amountCell, box: s.checks.amount }] : [])),
    // A date is its own check: whatever the engine's confidence, it is kept at that confidence.
    ...sections.flatMap((s) =>
      [columns.eff, columns.exp].map((c) => ({
        ...scanned,
        box: column(c, s),
        chars: '0123456789/',
        broken: (t: string) => /\d/.test(t) && parseDate(t) === null,
        good: (t: string) => parseDate(t) !== null,
        same: (a: string, b: string) => parseDate(a) !== null && parseDate(a) === parseDate(b),
        least: 0,
      })),
    ),
    ...sections.map((s) => ({
      ...scanned,
      box: column(columns.number, s),
      chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-',
      broken: (t: string) => strayGlyph.test(t) && /\d/.test(t),
      // The same number, its stray glyph read as a letter or figure: as long, give or take one.
      good: (t: string, first: string) => identifierLike.test(t) && Math.abs(t.length - first.replace(/\s/g, '').length) <= 1,
    })),
    // An NAIC code is five figures, or AA- and seven for an alien insurer.
    ...insurerLetters.map((l) => ({
      ...scanned,
      box: insurerRow(l).naic,
      chars: '0123456789A-',
      broken: (t: string) => /\d/.test(t) && naicCode(t, true) === null,
      good: (t: string) => naicCode(t, true) !== null,
    })),
    ...[header.phone, header.fax].map((box) => ({
      ...scanned,
      box,
      chars: '0123456789()-. ',
      broken: (t: string) => t.replace(/\D/g, '').length >= 9 && !tenFigures(t),
      good: (t: string) => tenFigures(t),
    })),
  ];
}

/** Whether two boxes share at least half the shorter one's height and some width. */
const overlapping = (a: Word, b: Word) =>
  Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);

/** Letters and figures only, upper case: how two readings of a code or number are compared. */
const glyphsOf = (t: string) => t.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The words to drop (the broken lines') and to add (their second readings) on a page. */
export async function rereadBrokenLines(view: PageView, page: FormPage): Promise<{ drop: Set<Word>; add: Word[] }> {
  const broken = cells().flatMap((c) => {
    const lines = linesIn(page, c.box);
    // The cell's other words: print beside the cell (a label) is no reading of its value.
    const cell = lines.flatMap((x) => x.items.map((p) => p.word));
    return lines.filter((l) => c.broken(l.text)).map((l) => ({ c, l, cell }));
  });
  const around = (b: Box, d: number): Box => [b[0] - d, b[1] - 2, b[2] + d, b[3] + 2];
  const readings = await Promise.all(broken.map(({ c, l }) => view.reread!(around(pageBoxOf(l.items), c.pad), c.chars, c.from)));
  const drop = new Set<Word>();
  const add: Word[] = [];
  broken.forEach(({ c, l, cell }, i) => {
    const found = readings[i]!;
    const text = found.map((w) => w.text).join('');
    if (found.length === 0 || !c.good(text, l.text) || Math.min(...found.map((w) => w.conf)) < c.least) return;
    const [first, last] = [found[0]!, found[found.length - 1]!];
    const second: Word = { ...first, text, x1: last.x1, conf: Math.min(reread, ...found.map((w) => w.conf)) };
    // The area read again may take in a line the first pass read whole: the broken line was then
    // a piece of it (the foot of a date boxed apart), and reading it again reads that line twice.
    const own = new Set(l.items.map((p) => p.word));
    const beside = cell.filter((w) => !own.has(w) && overlapping(w, second));
    if (beside.length) {
      if (c.same(beside.map((w) => w.text).join(' '), text)) for (const p of l.items) drop.add(p.word);
      return;
    }
    for (const p of l.items) drop.add(p.word);
    add.push(second);
  });
  return { drop, add };
}
