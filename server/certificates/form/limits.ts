// A section's limits: amounts in the amount column, each on the row of the printed limit it
// stands beside; write-in rows (the OTHER area, a section's spare row) keep their own label.
import type { LimitKey, Limits } from '../../contracts/extraction';
import { collapse, figuresGuessed, guess, parseMoney } from '../values';
import type { Box } from '../words';
import { confidenceOf, type Reading } from './cells';
import { formLines, pageBoxOf, type FormLine } from './lines';
import { valuesIn, type FormPage, type Placed } from './placed';
import { columns, type Section } from './regions';
import type { Sink } from './sink';

interface Span {
  y: number;
  top: number;
  bottom: number;
}

export interface EntryLimits {
  values: Limits;
  record(sink: Sink, at: string): void;
}

// Words a limit cell may hold that are not an amount and not a misreading.
const notAmount = /^(?:INCLUDED|INCL\.?|EXCLUDED|EXCL\.?|STATUTORY|N\/?A|NONE|NIL|-+|\*+)$/i;

function amountOf(text: string): number | null {
  return parseMoney(collapse(text.replace(/\$/g, ' ')).replace(/^USD\s*/i, ''));
}

// "DED: $2,500", "Limit 100,000": a label with its own amount inside the label column.
const inlineLimit = /^(.*?[A-Za-z].*?)[:\s]+\$?\s*(\d[\d,]*(?:\.\d\d)?)$/;

interface Found {
  key: LimitKey | null;
  label: string | null;
  amount: number;
  items: Placed[];
  region: Box;
  y: number;
  /** Below 1 when the label is not surely the amount's own, or the amount was guessed. */
  trust?: number;
  /** The words of a write-in label: the label is read as surely as its amount, or less. */
  labelItems?: Placed[];
  /** On a printed row, a write-in label read level with it, should the row's amount be another's. */
  writeIn?: { label: string; items: Placed[] };
}

function nearestRow(s: Section, y: number) {
  const scored = s.limits.map((l) => ({ l, d: y < l.row[1] ? l.row[1] - y : y > l.row[3] ? y - l.row[3] : 0 }));
  const best = scored.sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 4 ? best.l : null;
}

const inAmountColumn = (p: Placed) => (p.at[0] + p.at[2]) / 2 >= columns.amount[0];
const labelOnly = (l: FormLine) => l.items.every((p) => !inAmountColumn(p)) && amountOf(l.text) === null && !inlineLimit.test(l.text);
const amountOnly = (l: FormLine) => l.items.every(inAmountColumn);

/** The most a write-in limit told from a printed row's only by elimination or by its height can be trusted. */
const writeInByElimination = 0.7;

/** How far apart a write-in label and its amount may be printed, in form points (rows are 12). */
const labelReach = 7;

function nearestOf(lines: FormLine[], y: number): FormLine | null {
  const near = lines.filter((l) => Math.abs(l.y - y) <= labelReach).sort((a, b) => Math.abs(a.y - y) - Math.abs(b.y - y));
  return near[0] ?? null;
}

/**
 * A write-in label a filler printed on another baseline than its amount (another font, another
 * offset): the label-only line nearest the amount, when that amount is also the nearest to it.
 */
function offsetLabel(lines: FormLine[], line: FormLine): FormLine | null {
  const label = nearestOf(lines.filter(labelOnly), line.y);
  return label && nearestOf(lines.filter(amountOnly), label.y) === line ? label : null;
}

/** Amounts on the printed limit rows, and write-in rows with their labels. */
function found(page: FormPage, s: Section, doubts: string[]): Found[] {
  const out: Found[] = [];
  const area: Box = [columns.limitLabel[0], s.bottom, columns.amount[1], s.top];
  const lines = formLines(valuesIn(page, area));
  const paired = new Set<FormLine>();
  for (const line of lines) {
    if (paired.has(line)) continue;
    const amountItems = line.items.filter(inAmountColumn);
    const beside = amountOnly(line) ? offsetLabel(lines, line) : null;
    if (beside) paired.add(beside);
    const labelItems = beside ? beside.items : line.items.filter((p) => !inAmountColumn(p));
    const label = labelItems.length ? collapse(labelItems.map((p) => p.word.text).join(' ')) : null;
    const printed = s.kind === 'other' ? null : nearestRow(s, line.y);
    // A line with its own label in the label column whose height is nearer the write-in row's
    // than the printed row's is the write-in row (a filler printed it a little off its line).
    const centre = (b: Box) => (b[1] + b[3]) / 2;
    const nearerWriteIn = !!(printed && s.extra && label && !beside && Math.abs(line.y - centre(s.extra.label)) < Math.abs(line.y - centre(printed.row)));
    const row = nearerWriteIn ? null : printed;
    const region: Box = [columns.limitLabel[0], line.y - 6, columns.amount[1], line.y + 6];
    const text = amountItems.map((p) => p.word.text).join(' ');
    const read = amountItems.length ? amountOf(text) : null;
    // Figures OCR read as letters ("$50U,000"): the amount they resemble, for a person to confirm.
    const guessed = read === null && amountItems.length && page.view.ocr ? amountOf(figuresGuessed(text) ?? '') : null;
    const amount = read ?? guessed;
    if (amountItems.length && read === null && !notAmount.test(collapse(text.replace(/\$/g, '')))) {
      const what = guessed === null ? 'could not be read' : `is unclear and was taken as ${guessed.toLocaleString('en-US')}`;
      doubts.push(`A limit in the ${s.kind.replace(/_/g, ' ')} section ${what} ("${collapse(text)}").`);
    }
    const amountTrust = guessed === null ? 1 : guess;
    // On a printed limit row the label column holds the form's own label, however it was read.
    if (row) {
      // Words in the label column are a write-in label: the amount is that write-in row's when
      // the printed row's own amount is also there (a filler's offset put the row level with it).
      const writeIn = label && !beside ? { label, items: labelItems } : undefined;
      if (amount !== null) out.push({ key: row.key, label: null, amount, items: amountItems, region, y: line.y, trust: amountTrust, writeIn });
      continue;
    }
    const writeIn = s.kind === 'other' || (s.extra && line.y >= s.extra.label[1] - 2 && line.y <= s.extra.label[3] + 2);
    if (!writeIn) {
      if (amount !== null) doubts.push(`An amount in the ${s.kind.replace(/_/g, ' ')} section is printed beside no limit ("${collapse(text)}").`);
      continue;
    }
    // A label with its own amount ("DED: $2,500") does not name the amount column's figure.
    const inline = label ? inlineLimit.exec(label) : null;
    const bare = label !== null && amountOf(label) !== null;
    const named = label && !inline && !bare ? label : null;
    // A label from another line may be a neighbour's; no label where labels stand unpaired may be a missed one.
    const unpairedLabels = !named && lines.some((l) => l !== line && labelOnly(l) && !paired.has(l) && Math.abs(l.y - line.y) <= 2 * labelReach);
    const trust = Math.min(amountTrust, beside ? 0.9 : unpairedLabels ? 0.7 : 1, nearerWriteIn ? writeInByElimination : 1);
    if (amount !== null) out.push({ key: null, label: named ?? 'Limit', amount, items: amountItems, region, y: line.y, trust, labelItems: named ? labelItems : [] });
    const own = inline ? amountOf(inline[2]!) : bare ? amountOf(label!) : null;
    // An amount printed left of the amount column, with or without its own label.
    if (own !== null) out.push({ key: null, label: inline ? inline[1]!.replace(/[:\s]+$/, '') : 'Limit', amount: own, items: labelItems, region, y: line.y });
  }
  return out;
}

/**
 * A "$" glued to its amount that OCR read as a digit ("$1,000,000" as "41,000,000", "$2,000,000"
 * as "32000000"): the first glyph could be the sign, and what follows is an amount of its own.
 */
function dollarMisread(text: string): boolean {
  const rest = text.slice(1);
  const grouped = /^[34582S]\d{1,3}(?:,\d{3})+$/.test(text) && /^\d{1,3}(?:,\d{3})+$/.test(rest);
  const plain = /^[34582S][1-9]\d{3,}$/.test(text);
  return (grouped || plain) && amountOf(rest) !== null;
}

function limitsOf(page: FormPage, list: Found[]): EntryLimits {
  const values: Limits = {};
  const readings: [string, Reading<unknown>][] = [];
  const other: { label: string; amount: number | null }[] = [];
  // A printed row's amount is one read level with no write-in label, wherever it stands in the list.
  for (const f of [...list.filter((x) => !x.writeIn), ...list.filter((x) => x.writeIn)]) {
    const dollar = page.view.ocr && dollarMisread(f.items.map((p) => p.word.text).join(''));
    const label = f.labelItems?.length ? confidenceOf(page, f.region, f.labelItems) : 1;
    const reading = { value: f.amount, items: f.items, box: pageBoxOf(f.items), confidence: Math.min(label, confidenceOf(page, f.region, f.items)) * (dollar ? 0.7 : 1) * (f.trust ?? 1) };
    if (f.key && values[f.key] !== undefined && f.writeIn) {
      // The printed row's amount came first: this one is the write-in row's, placed by elimination.
      const named = Math.min(confidenceOf(page, f.region, f.writeIn.items), writeInByElimination);
      readings.push([`/limits/other/${other.length}`, { ...reading, confidence: Math.min(reading.confidence, named) }]);
      other.push({ label: f.writeIn.label, amount: f.amount });
    } else if (f.key) {
      if (values[f.key] !== undefined) continue;
      values[f.key] = f.amount;
      readings.push([`/limits/${f.key}`, reading]);
    } else {
      // The label and the amount stand or fall together.
      readings.push([`/limits/other/${other.length}`, reading]);
      other.push({ label: f.label ?? 'Limit', amount: f.amount });
    }
  }
  if (other.length) values.other = other;
  return { values, record: (sink, at) => readings.forEach(([p, r]) => sink.read(at + p, r)) };
}

export function readLimits(page: FormPage, s: Section, spans: Span[]): { perEntry: EntryLimits[]; doubts: string[] } {
  const doubts: string[] = [];
  const all = found(page, s, doubts);
  if (s.kind !== 'other' || spans.length <= 1) {
    const shared = limitsOf(page, all);
    return { perEntry: (spans.length ? spans : [null]).map(() => shared), doubts };
  }
  // Each OTHER row keeps the amounts printed beside it.
  const owner = (y: number) => spans.findIndex((e) => y <= e.top && y >= e.bottom);
  return { perEntry: spans.map((_, i) => limitsOf(page, all.filter((f) => owner(f.y) === i))), doubts };
}

