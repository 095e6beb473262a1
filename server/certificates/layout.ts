import type { Extraction, Reading } from '../contracts/extraction';
import { readFormPage, type PageReading } from './form/read';
import type { PageView } from './page';
import { collapse, findFormNumbers, mergeFormNumbers, type FormNumber } from './values';
import { findFirst, groupLines, within, type Line } from './words';

// Picked rather than omitted: the contract type is a loose object, and Omit would drop every key.
export type LayoutResult = Pick<
  Extraction,
  | 'form'
  | 'edition'
  | 'certificateDate'
  | 'certificateNumber'
  | 'revisionNumber'
  | 'producer'
  | 'insured'
  | 'insurers'
  | 'policies'
  | 'descriptionOfOperations'
  | 'endorsementForms'
  | 'certificateHolder'
  | 'fields'
  | 'warnings'
  | 'reading'
>;

const certificateTitle = /CERTIFICATE OF LIABILITY INSURANCE|ACORD 25\b|ACORD 25\s?\(/i;
const remarksTitle = /ADDITIONAL REMARKS SCHEDULE|ACORD 101\b/i;

function pageText(lines: Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

export function findEdition(text: string): string | null {
  const printed = /ACORD 25(?:-S)?\s?\((\d{4})\s?\/\s?(\d{2})\)/i.exec(text);
  if (printed) return `${printed[1]}/${printed[2]}`;
  const agency = /INS025\s?\((\d{4})(\d{2})\)/i.exec(text);
  if (agency) return `${agency[1]}/${agency[2]}`;
  if (/OWNED AUTOS ONLY|HIRED AUTOS ONLY/i.test(text)) return '2016/03';
  return null;
}

/** Remarks text on an ACORD 101 page: below its form-title line, above its footer. */
function continuation(view: PageView, lines: Line[]): string | null {
  const start = findFirst(lines, /FORM TITLE/i) ?? findFirst(lines, /ADDITIONAL REMARKS\s*$/i);
  const footer = findFirst(lines, /ACORD 101\s?\(|©|ACORD CORPORATION/);
  const top = start ? start.box[1] - 0.2 : undefined;
  const words = within(view.words, { y1: top, y0: footer ? footer.box[3] + 0.5 : undefined });
  const text = collapse(groupLines(words).map((l) => l.text).join(' '));
  return text || null;
}

function emptyResult(warnings: string[], reading: Reading, form: string | null = null): LayoutResult {
  return {
    form,
    edition: null,
    certificateDate: null,
    certificateNumber: null,
    revisionNumber: null,
    producer: { name: null, address: null, contactName: null, phone: null, fax: null, email: null },
    insured: { name: null, address: null },
    insurers: [],
    policies: [],
    descriptionOfOperations: null,
    endorsementForms: [],
    certificateHolder: { name: null, address: null },
    fields: {},
    warnings,
    reading,
  };
}

/** Plain-language notes on what the reading is missing. */
export function missingNotes(r: Pick<LayoutResult, 'policies' | 'insured' | 'reading'>): string[] {
  const notes: string[] = [...(r.reading?.reasons ?? [])];
  if (r.policies.length === 0 && r.reading?.coverage !== 'unreadable') notes.push('No coverage rows could be read from the certificate.');
  if (!r.insured.name) notes.push('The named insured could not be read.');
  return notes;
}

interface PageText {
  view: PageView;
  lines: Line[];
  text: string;
}

/** The page that fits the form best, read; null when no page fits it at all. */
function bestPage(texts: PageText[]): { text: PageText; read: PageReading } | null {
  let best: { text: PageText; read: PageReading } | null = null;
  for (const t of texts) {
    if (remarksTitle.test(t.text.slice(0, 400)) && !certificateTitle.test(t.text)) continue;
    const read = readFormPage(t.view);
    if (read && (!best || read.fitted > best.read.fitted)) best = { text: t, read };
  }
  return best;
}

export function readLayout(views: PageView[]): LayoutResult {
  const texts = views.map((v) => {
    const lines = groupLines(v.words);
    return { view: v, lines, text: pageText(lines) };
  });
  const best = bestPage(texts);
  const titled = texts.find((t) => certificateTitle.test(t.text));
  if (!best || best.read.reading.layout === 'unrecognised') {
    // Values taken from a page that does not fit the form would be guesses: none are given.
    const empty = texts.every((t) => t.view.words.length === 0);
    const reason = empty
      ? 'No readable text was found in this document.'
      : titled
        ? `This certificate${editionNote(titled.text)} is not laid out like the ACORD 25 editions the reader knows, so nothing was read from it; a person must read it.`
        : 'This document does not look like an ACORD 25 certificate of liability insurance.';
    const result = emptyResult([reason], { layout: 'unrecognised', coverage: 'unreadable', reasons: [reason] }, titled ? 'ACORD 25' : null);
    return { ...result, edition: titled ? findEdition(titled.text) : null };
  }
  const { text: main, read } = best;
  const remarks = [read.top.descriptionOfOperations];
  const forms: FormNumber[][] = [findFormNumbers(read.top.descriptionOfOperations ?? '')];
  for (const t of texts) {
    if (t === main) continue;
    if (remarksTitle.test(t.text)) {
      const more = continuation(t.view, t.lines);
      remarks.push(more);
      forms.push(findFormNumbers(more ?? ''));
    } else forms.push(findFormNumbers(t.text));
  }
  const result: LayoutResult = {
    ...read.top,
    form: 'ACORD 25',
    edition: findEdition(main.text),
    policies: read.policies,
    descriptionOfOperations: collapse(remarks.filter(Boolean).join(' ')) || null,
    endorsementForms: mergeFormNumbers(forms),
    fields: withFormsAsSureAsRemarks(read.fields, main.view.ocr),
    warnings: [],
    reading: read.reading,
  };
  return { ...result, warnings: missingNotes(result) };
}

/**
 * Form numbers found by OCR in the remarks are only as sure as the remarks' reading: one misread
 * figure is another edition ("05 04" for 05 09).
 */
function withFormsAsSureAsRemarks(fields: LayoutResult['fields'], ocr: boolean): LayoutResult['fields'] {
  const remarks = fields?.['/descriptionOfOperations'];
  return ocr && remarks ? { ...fields, '/endorsementForms': { ...remarks } } : fields;
}

function editionNote(text: string): string {
  const edition = findEdition(text) ?? /ACORD 25-S\s?\(([\d/]+)\)/i.exec(text)?.[1];
  return edition ? ` (edition ${edition})` : '';
}
