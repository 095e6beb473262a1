import type { Extraction } from '../contracts/extraction';
import { readGrid } from './grid';
import { findAnchors, readHeader } from './header';
import type { PageView } from './page';
import { Provenance } from './provenance';
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
>;

const certificateTitle = /CERTIFICATE OF LIABILITY INSURANCE|ACORD 25\b|ACORD 25\s?\(/i;
const remarksTitle = /ADDITIONAL REMARKS SCHEDULE|ACORD 101\b/i;

function pageText(lines: Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

export function findEdition(text: string): string | null {
  const printed = /ACORD 25\s?\((\d{4})\s?\/\s?(\d{2})\)/i.exec(text);
  if (printed) return `${printed[1]}/${printed[2]}`;
  const agency = /INS025\s?\((\d{4})(\d{2})\)/i.exec(text);
  if (agency) return `${agency[1]}/${agency[2]}`;
  if (/NON-?\s?OWNED AUTOS ONLY|HIRED AUTOS ONLY/i.test(text)) return '2016/03';
  if (/ALL OWNED AUTOS/i.test(text)) return '2014/01';
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

function emptyResult(warnings: string[]): LayoutResult {
  return {
    form: null,
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
  };
}

/** Plain-language notes on what the reading is missing. */
export function missingNotes(r: Pick<LayoutResult, 'policies' | 'insured'>): string[] {
  const notes: string[] = [];
  if (r.policies.length === 0) notes.push('No coverage rows could be read from the certificate.');
  if (!r.insured.name) notes.push('The named insured could not be read.');
  return notes;
}

export function readLayout(views: PageView[]): LayoutResult {
  const texts = views.map((v) => {
    const lines = groupLines(v.words);
    return { view: v, lines, text: pageText(lines) };
  });
  const main = texts.find((t) => certificateTitle.test(t.text) && !remarksTitle.test(t.text.slice(0, 400)));
  if (!main) {
    const empty = texts.every((t) => t.view.words.length === 0);
    return emptyResult([
      empty
        ? 'No readable text was found in this document.'
        : 'This document does not look like an ACORD 25 certificate of liability insurance.',
    ]);
  }
  const prov = new Provenance();
  const anchors = findAnchors(main.view);
  const header = readHeader(main.view, anchors, prov);
  const policies = readGrid(main.view, anchors, prov);
  const remarks = [header.descriptionOfOperations];
  const forms: FormNumber[][] = [findFormNumbers(header.descriptionOfOperations ?? '')];
  for (const t of texts) {
    if (t === main) continue;
    if (remarksTitle.test(t.text)) {
      const more = continuation(t.view, t.lines);
      remarks.push(more);
      forms.push(findFormNumbers(more ?? ''));
    } else forms.push(findFormNumbers(t.text));
  }
  return {
    ...header,
    form: 'ACORD 25',
    edition: findEdition(main.text),
    policies,
    descriptionOfOperations: collapse(remarks.filter(Boolean).join(' ')) || null,
    endorsementForms: mergeFormNumbers(forms),
    fields: prov.fields,
    warnings: missingNotes({ policies, insured: header.insured }),
  };
}
