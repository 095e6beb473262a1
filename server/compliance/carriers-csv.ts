import { parseRating, parseSizeClass, type AmBest } from './am-best';
import type { Carrier, CarrierTable } from './types';

// Carrier rating tables arrive as CSV exports (NAIC, name, rating, size class). An import
// is all or nothing: one bad row rejects the file with every problem listed by line, so
// a half-imported table never silently marks carriers unrated.

export interface CsvRowError {
  line: number;
  message: string;
}

export type CarrierImport = { ok: true; carriers: CarrierTable } | { ok: false; errors: CsvRowError[] };

interface CsvRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 style: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): { records: CsvRecord[]; error: CsvRowError | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) return { records, error: { line: recordLine, message: 'A quoted value is not closed.' } };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return { records: records.filter((r) => r.cells.some((c) => c.trim() !== '')), error: null };
}

const headerAliases: Record<'naic' | 'name' | 'rating' | 'sizeClass', string[]> = {
  naic: ['naic', 'naic number', 'naic code', 'naic no', 'naic #'],
  name: ['name', 'carrier', 'carrier name', 'company', 'company name', 'insurer', 'insurer name'],
  rating: ['rating', 'am best rating', 'best rating', 'fsr', 'financial strength rating'],
  sizeClass: ['size class', 'financial size class', 'fsc', 'size', 'class'],
};

type Columns = Record<keyof typeof headerAliases, number>;

function findColumns(header: string[]): Columns | string {
  const norm = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  const cols: Partial<Columns> = {};
  const missing: string[] = [];
  for (const [key, aliases] of Object.entries(headerAliases) as [keyof Columns, string[]][]) {
    const at = norm.findIndex((h) => aliases.includes(h));
    if (at < 0) missing.push(aliases[0] ?? key);
    else cols[key] = at;
  }
  if (missing.length) return `The header row is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}.`;
  return cols as Columns;
}

const naicPattern = /^(?:\d{5}|AA-\d{7})$/i;

function readRow(cells: string[], cols: Columns): Carrier | string {
  const get = (i: number) => (cells[i] ?? '').trim();
  const naic = get(cols.naic).toUpperCase();
  const name = get(cols.name);
  const ratingText = get(cols.rating);
  const classText = get(cols.sizeClass);
  if (!naicPattern.test(naic)) return `NAIC "${naic}" is not a 5-digit NAIC number or an alien AA- number.`;
  if (!name) return 'The carrier name is empty.';
  const rating = parseRating(ratingText);
  if (!rating) return `Rating "${ratingText}" is not an AM Best rating (e.g. "A-" or "NR").`;
  if (!rating.rated) return { naic, name, amBest: { rating, sizeClass: classText ? parseSizeClass(classText) : null } };
  const sizeClass = parseSizeClass(classText);
  if (sizeClass === null) return `Size class "${classText}" is not I to XV.`;
  const amBest: AmBest = { rating, sizeClass };
  return { naic, name, amBest };
}

export function parseCarriersCsv(text: string): CarrierImport {
  const { records, error } = parseCsv(text);
  if (error) return { ok: false, errors: [error] };
  const [header, ...rows] = records;
  if (!header) return { ok: false, errors: [{ line: 1, message: 'The file is empty; it needs a header row.' }] };
  const cols = findColumns(header.cells);
  if (typeof cols === 'string') return { ok: false, errors: [{ line: header.line, message: cols }] };
  const errors: CsvRowError[] = [];
  const carriers = new Map<string, Carrier>();
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const parsed = readRow(row.cells, cols);
    if (typeof parsed === 'string') {
      errors.push({ line: row.line, message: parsed });
      continue;
    }
    const earlier = firstLine.get(parsed.naic);
    if (earlier !== undefined) {
      errors.push({ line: row.line, message: `NAIC ${parsed.naic} is already on line ${earlier}.` });
      continue;
    }
    firstLine.set(parsed.naic, row.line);
    carriers.set(parsed.naic, parsed);
  }
  return errors.length ? { ok: false, errors } : { ok: true, carriers };
}
