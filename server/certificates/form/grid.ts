// The coverage grid: each section of the form (general liability, auto, umbrella, workers'
// compensation, other) read into policies. A section holds one policy per line that prints
// policy dates, so two insurers on one umbrella row are two policies.
import type { Policy } from '../../contracts/extraction';
import { collapse, figuresInNumber, guess, guessedDate, identifier, parseDate } from '../values';
import type { Box } from '../words';
import { confidenceOf, flagNear, grow, linesIn, type Reading } from './cells';
import { formLines, lineOf, pageBoxOf } from './lines';
import { pageBox, valuesIn, type FormPage, type Placed } from './placed';
import { columns, type Section } from './regions';
import { readChecks } from './checks';
import { lookalikes } from './header';
import { readLimits } from './limits';
import { Sink } from './sink';

interface Entry {
  y: number;
  top: number;
  bottom: number;
  number: Placed[];
  eff: Placed[];
  exp: Placed[];
  /** A second policy printed under the first on the same row, sharing the row's dates. */
  sharesDates?: Entry;
}


/** A column's words that read as a date, even with a separator OCR lost. */
const hasDate = (items: Placed[]) => items.length > 0 && (items.some((p) => parseDate(p.word.text) !== null) || parseDate(lineOf(items).text) !== null);

type Row = Omit<Entry, 'top' | 'bottom'>;

/** Figures in a date column that do not read as a date ("VB/1212024": a scan OCR garbled). */
function dateShaped(items: Placed[]): boolean {
  const text = items.length ? lineOf(items).text : '';
  return /\d/.test(text) && text.replace(/[^0-9A-Za-z]/g, '').length >= 6;
}

/**
 * A line whose dates were printed but could not be read still holds a policy: it opens a row
 * (its dates left empty, in doubt) rather than lend its words to the row below.
 */
const unreadDates = (e: Row) => (dateShaped(e.eff) && dateShaped(e.exp)) || ((dateShaped(e.eff) || dateShaped(e.exp)) && e.number.some((p) => policyLike.test(p.word.text)));

/**
 * The policy lines of a section: the number and the two date columns are read line by line each,
 * then put together by height, closest pairs first, so a date OCR boxed a little off its line
 * still joins it, and a speck in a column does not take a line's date from its own number.
 */
function rowsOf(page: FormPage, s: Section): Row[] {
  const column = (c: readonly [number, number]) => linesIn(page, [c[0], s.bottom, c[1], s.top]);
  const parts: Part[] = [
    ...column(columns.number).map((l) => ({ y: l.y, kind: 'number' as const, items: l.items })),
    ...column(columns.eff).map((l) => ({ y: l.y, kind: 'eff' as const, items: l.items })),
    ...column(columns.exp).map((l) => ({ y: l.y, kind: 'exp' as const, items: l.items })),
  ];
  const groups = parts.map((p) => [p]);
  const groupOf = new Map(parts.map((p, i) => [p, groups[i]!]));
  const pairs = parts.flatMap((a, i) => parts.slice(i + 1).filter((b) => b.kind !== a.kind && Math.abs(a.y - b.y) < rowReach).map((b) => [a, b] as const));
  pairs.sort(([a, b], [c, d]) => Math.abs(a.y - b.y) - Math.abs(c.y - d.y));
  for (const [a, b] of pairs) {
    const [ga, gb] = [groupOf.get(a)!, groupOf.get(b)!];
    if (ga === gb || ga.some((p) => gb.some((q) => q.kind === p.kind))) continue;
    const ys = [...ga, ...gb].map((p) => p.y);
    if (Math.max(...ys) - Math.min(...ys) >= rowReach) continue;
    ga.push(...gb);
    for (const p of gb) groupOf.set(p, ga);
    gb.length = 0;
  }
  const rows = groups.filter((g) => g.length).map((g) => {
    const row: Row = { y: Math.max(...g.map((p) => p.y)), number: [], eff: [], exp: [] };
    for (const p of g) row[p.kind] = p.items;
    return row;
  });
  return rows.sort((a, b) => b.y - a.y);
}

interface Part {
  y: number;
  kind: 'number' | 'eff' | 'exp';
  items: Placed[];
}

/** How far apart, in form points, the rows of the grid are printed. */
const rowPitch = 12;

/** How far apart, in form points, the parts of one policy line may be read. */
const rowReach = 5.5;

/** The lines that open a policy: one per printed pair of dates. */
function entries(page: FormPage, s: Section): Entry[] {
  const all = rowsOf(page, s);
  let opened: Row[] = withoutEchoes(all.filter((e) => hasDate(e.eff) || hasDate(e.exp) || unreadDates(e)));
  // Without printed dates, a line with a policy number still opens a row.
  if (opened.length === 0) opened = all.filter((e) => e.number.some((p) => policyLike.test(p.word.text))).slice(0, 1);
  else opened = withSecondPolicies(page, s, all, opened);
  return opened.map((e, i) => {
    const above = opened[i - 1];
    const below = opened[i + 1];
    return {
      ...e,
      top: above ? (above.y + e.y) / 2 : s.top,
      bottom: below ? (below.y + e.y) / 2 : s.bottom,
    };
  });
}

const policyLike = /^(?=.*\d)[A-Z0-9][A-Z0-9-]{4,}$/i;

/**
 * A line holding one date and nothing else, less than a row from a line that prints the same
 * date in that column, is that date read twice (OCR boxed a piece of it a little off), never a
 * policy of its own: it would repeat the section's limits as a second policy.
 */
function withoutEchoes(rows: Row[]): Row[] {
  const date = (items: Placed[]) => (items.length ? parseDate(lineOf(items).text) : null);
  const echo = (e: Row, column: 'eff' | 'exp', other: 'eff' | 'exp') =>
    e.number.length === 0 &&
    e[other].length === 0 &&
    date(e[column]) !== null &&
    rows.some((o) => o !== e && Math.abs(o.y - e.y) < rowPitch && (o.number.length > 0 || o[other].length > 0) && date(o[column]) === date(e[column]));
  return rows.filter((e) => !echo(e, 'exp', 'eff') && !echo(e, 'eff', 'exp'));
}

/**
 * A line below a dated one with its own insurer letter and policy number is a second policy of
 * the same row (two umbrella carriers on one umbrella row); it shares the row's dates.
 */
function withSecondPolicies(page: FormPage, s: Section, all: Row[], dated: Row[]) {
  const letters = valuesIn(page, [columns.letter[0], s.bottom, columns.letter[1] + 2, s.top]).filter((p) => /^[A-F]$/.test(p.word.text));
  const out = [...dated];
  for (const e of all) {
    if (dated.includes(e) || !e.number.some((p) => policyLike.test(p.word.text)) || e.eff.length || e.exp.length) continue;
    const lettered = letters.some((p) => Math.abs((p.at[1] + p.at[3]) / 2 - e.y) < 4);
    const above = dated.filter((d) => d.y > e.y).sort((a, b) => a.y - b.y)[0];
    if (lettered && above) out.push({ ...e, sharesDates: above as Entry });
  }
  return out.sort((a, b) => b.y - a.y);
}

/**
 * A row's flag for one of its policies. Where a section holds two policies and only one line
 * prints the flag, it may stand for both (agency systems print it once) or for one alone: the
 * other line takes it, but as a doubt for a person to settle.
 */
function sharedFlag(page: FormPage, s: Section, column: readonly [number, number], y0: number, y1: number, alone: boolean): Reading<boolean> {
  const own = flagNear(page, column, y0, y1);
  if (alone || own.value || s.kind === 'other') return own;
  const row = flagNear(page, column, s.bottom, s.top);
  return row.value ? { ...row, confidence: Math.min(row.confidence, 0.6) } : own;
}

/** An OCR word confidence below which a glyph read alone is noise, not an answer. */
const unreadGlyph = 0.3;

function writtenFlag(page: FormPage, column: readonly [number, number], y0: number, y1: number): Reading<boolean> {
  const region: Box = [column[0], y0, column[1], y1];
  const found = valuesIn(page, region).filter((p) => /^(?:Y|YES|X)$/i.test(p.word.text.replace(/[^A-Za-z]/g, '')));
  // A glyph of a blob the engine could not read (the form's N / A under a stray stroke, read
  // "XxX" at nothing) is no answer: the cell is taken as unmarked, for a person to confirm.
  const items = found.filter((p) => p.word.conf >= unreadGlyph);
  const box = items.length ? pageBoxOf(items) : pageBox(page, region);
  const confidence = items.length || !found.length ? confidenceOf(page, region, items) : Math.min(confidenceOf(page, region, []), unreadGlyph);
  return { value: items.length > 0, items, box, confidence };
}

function textReading(page: FormPage, region: Box, items: Placed[], value: string | null): Reading<string | null> {
  return { value, items, box: items.length ? pageBoxOf(items) : pageBox(page, region), confidence: confidenceOf(page, region, items) };
}

/** Glyphs OCR gives for an insurer letter standing alone: a serif B as 8, an A as 4. */
const letterLookalikes: Record<string, string> = { '8': 'B', '4': 'A', '(': 'C', c: 'C' };

function insurerLetter(text: string, ocr: boolean): { letter: string; sure: boolean } | null {
  const t = text.replace(/[^A-Za-z0-9(]/g, '');
  if (/^[A-F]$/.test(t)) return { letter: t, sure: true };
  const alike = ocr ? letterLookalikes[t] : undefined;
  return alike ? { letter: alike, sure: false } : null;
}

function letterOf(page: FormPage, s: Section, e: Entry, alone: boolean): Reading<Policy['insurerLetter']> {
  const region: Box = [columns.letter[0], alone ? s.bottom : e.bottom, columns.letter[1] + 2, alone ? s.top : e.top];
  const items = valuesIn(page, region).filter((p) => insurerLetter(p.word.text, page.view.ocr));
  const nearest = [...items].sort((a, b) => Math.abs((a.at[1] + a.at[3]) / 2 - e.y) - Math.abs((b.at[1] + b.at[3]) / 2 - e.y))[0];
  const read = nearest ? insurerLetter(nearest.word.text, page.view.ocr) : null;
  const letter = (read?.letter ?? null) as Policy['insurerLetter'];
  const r = textReading(page, region, nearest ? [nearest] : [], letter);
  // A letter taken from a lookalike glyph is for a person to confirm.
  return { ...r, value: letter, confidence: read && !read.sure ? Math.min(r.confidence, 0.7) : r.confidence };
}

function dateOf(page: FormPage, items: Placed[], region: Box): Reading<string | null> {
  const text = lineOf(items).text;
  const read = items.length ? parseDate(text) : null;
  // Figures OCR read as letters ("Ub/13/2023"), or slashes it lost ("04072026"): the date they
  // resemble, for a person to confirm.
  const guessed = items.length && !read && page.view.ocr ? guessedDate(text) : null;
  const value = read ?? guessed;
  const r = textReading(page, region, items, value);
  if (guessed) return { ...r, confidence: Math.min(r.confidence, guess) };
  // Printed but not a date: the reading is kept empty and marked doubtful.
  return items.length && !value ? { ...r, confidence: Math.min(r.confidence, 0.3) } : r;
}

const scaled = <T>(r: Reading<T>, factor: number): Reading<T> => ({ ...r, confidence: r.confidence * factor });

/** The two dates when one column holds both (fillers that run them together). */
function splitDates(e: Entry): [Placed[], Placed[]] {
  if (e.eff.length && e.exp.length) return [e.eff, e.exp];
  const both = [...e.eff, ...e.exp].sort((a, b) => a.at[0] - b.at[0]);
  const dated = both.filter((p) => /\d/.test(p.word.text));
  if (dated.length === 2) return [[dated[0]!], [dated[1]!]];
  return [e.eff, e.exp];
}

export function readSection(page: FormPage, s: Section, sink: Sink): { policies: Policy[]; doubts: string[] } {
  const found = entries(page, s);
  const limits = readLimits(page, s, found.map((e) => ({ y: e.y, top: e.top, bottom: e.bottom })));
  const doubts: string[] = [...limits.doubts];
  if (found.length === 0) {
    if (limits.perEntry[0] && Object.keys(limits.perEntry[0].values).length) {
      doubts.push(`Limits are printed in the ${sectionName(s)} section but no policy number or dates were found.`);
    }
    return { policies: [], doubts };
  }
  const checks = readChecks(page, s, sink);
  const policies: Policy[] = [];
  found.forEach((e, i) => {
    const alone = found.length === 1;
    const at = sink.policy();
    const numberRegion: Box = [columns.number[0], e.bottom, columns.number[1], e.top];
    const numberText = lineOf(e.number).text;
    // A row opened by a number without dates is unusual: it may be a note or a neighbour's line.
    const dated = Boolean(e.sharesDates) || hasDate(e.eff) || hasDate(e.exp);
    const read = lookalikes(page, scaled(textReading(page, numberRegion, e.number, e.number.length ? identifier(numberText, page.view.ocr) : null), dated ? 1 : 0.6));
    // Figures OCR read as their lookalikes ("UF-Y42151-93"): the number they resemble, for a person to confirm.
    const figures = page.view.ocr && read.value ? figuresInNumber(read.value) : null;
    const number = figures ? { ...read, value: figures, confidence: Math.min(read.confidence, guess) } : read;
    const rowRegion: Box = [columns.letter[0], e.bottom, columns.exp[1], e.top];
    sink.read(`${at}/line`, { items: [], box: pageBox(page, rowRegion), confidence: confidenceOf(page, rowRegion, e.number) * (dated ? 1 : 0.6) });
    const [effItems, expItems] = splitDates(e.sharesDates ?? e);
    const shared = e.sharesDates ? 0.85 : 1;
    const eff = scaled(dateOf(page, effItems, [columns.eff[0], e.bottom, columns.eff[1], e.top]), shared);
    const exp = scaled(dateOf(page, expItems, [columns.exp[0], e.bottom, columns.exp[1], e.top]), shared);
    if (effItems.length && !eff.value) doubts.push(`An effective date in the ${sectionName(s)} section could not be read ("${lineOf(effItems).text}").`);
    if (expItems.length && !exp.value) doubts.push(`An expiration date in the ${sectionName(s)} section could not be read ("${lineOf(expItems).text}").`);
    const y0 = alone ? s.bottom : e.bottom;
    // A second policy of a row answers with the row's flags when it prints none of its own.
    const y1 = alone ? s.top : e.sharesDates ? found.find((f) => f.y === e.sharesDates!.y)?.top ?? e.top : e.top;
    // The form prints N / A in the workers' compensation ADDL INSD cell: only a written Y or X
    // there says yes, the print itself is no mark.
    const addl = s.kind === 'workers_compensation' ? writtenFlag(page, columns.addl, y0, y1) : sharedFlag(page, s, columns.addl, y0, y1, alone);
    const subr = sharedFlag(page, s, columns.subr, y0, y1, alone);
    const letter = letterOf(page, s, e, alone);
    const line = s.kind === 'umbrella' ? (checks.excess && !checks.umbrella ? 'excess_liability' : 'umbrella_liability') : s.kind;
    const policy: Policy = {
      line,
      insurerLetter: letter.value,
      policyNumber: number.value,
      effectiveDate: eff.value,
      expirationDate: exp.value,
      additionalInsured: addl.value,
      // An edition without the SUBR WVD column says nothing either way.
      subrogationWaived: page.edition.lacks.has('subrogationWaived') ? null : subr.value,
      limits: limits.perEntry[i]?.values ?? {},
    };
    sink.read(`${at}/insurerLetter`, letter);
    sink.read(`${at}/policyNumber`, number);
    sink.read(`${at}/effectiveDate`, eff);
    sink.read(`${at}/expirationDate`, exp);
    sink.read(`${at}/additionalInsured`, addl);
    sink.read(`${at}/subrogationWaived`, subr);
    limits.perEntry[i]?.record(sink, at);
    checks.apply(policy, at);
    if (s.kind === 'other') {
      const region: Box = [columns.type[0], e.bottom, columns.type[1], e.top];
      const items = valuesIn(page, grow(region, 0, 0)).filter((p) => !/^[Xx]$/.test(p.word.text));
      const text = items.length ? lineOf(items).text : null;
      policy.description = text ? joinLines(items) : null;
      sink.read(`${at}/description`, textReading(page, region, items, policy.description));
    }
    policies.push(policy);
  });
  return { policies, doubts };
}

/** Description words over one or more lines, top line first. */
function joinLines(items: Placed[]): string {
  return collapse(formLines(items).map((l) => l.text).join(' '));
}

export function sectionName(s: Section): string {
  return {
    general_liability: 'general liability',
    automobile_liability: 'automobile liability',
    umbrella: 'umbrella / excess liability',
    workers_compensation: "workers' compensation",
    other: 'other coverage',
  }[s.kind];
}
