import type { Policy } from '../contracts/extraction';
import { rowToPolicy } from './acroform-rows';
import { fieldMap, parseFieldName, repeated, type Target } from './acroform-map';
import type { LayoutResult } from './layout';
import type { PDFDocumentProxy } from './pdf';
import { Provenance } from './provenance';
import { collapse, digitsOnly, findFormNumbers, mergeFormNumbers, parseDate, parseMoney } from './values';
import type { Box } from './words';

interface Field {
  base: string;
  instance: string | null;
  value: string;
  checked: boolean;
  page: number;
  rect: Box;
}

interface Annotation {
  fieldName?: string;
  fieldValue?: unknown;
  checkBox?: boolean;
  rect?: number[];
}

/** One widget of the form's field tree, as pdf.js lists it (`getFieldObjects`). */
interface FieldObject {
  value?: unknown;
  type?: string;
  rect?: number[];
  page?: number;
  kidIds?: unknown;
}

const fieldValue = (v: unknown) => (Array.isArray(v) ? v.join(' ') : String(v ?? ''));

function toField(name: string, value: unknown, checkBox: boolean, page: number, rect: number[]): Field | null {
  const parsed = parseFieldName(name);
  if (!parsed) return null;
  const raw = fieldValue(value);
  const checked = checkBox ? raw !== '' && raw !== 'Off' : false;
  return { ...parsed, value: checkBox ? '' : collapse(raw), checked, page, rect: rect.slice(0, 4) as Box };
}

/**
 * The form's fields from its field tree, which pdf.js reads without building each page's
 * annotations (a third of a fillable certificate's read); null when the document has no tree.
 */
async function fromTree(pdf: PDFDocumentProxy, pages: number): Promise<Field[] | null> {
  const tree = (await pdf.getFieldObjects()) as Record<string, FieldObject[]> | null;
  if (!tree) return null;
  const fields: Field[] = [];
  for (const [name, widgets] of Object.entries(tree)) {
    for (const w of widgets) {
      if (w.kidIds || !w.rect || w.page === undefined || w.page < 0 || w.page >= pages) continue;
      const field = toField(name, w.value, w.type === 'checkbox', w.page + 1, w.rect);
      if (field) fields.push(field);
    }
  }
  return fields.length ? fields : null;
}

async function collect(pdf: PDFDocumentProxy, pages: number): Promise<Field[]> {
  const tree = await fromTree(pdf, pages);
  if (tree) return tree;
  // Widgets no field tree lists (a damaged form) are still the page's annotations.
  const fields: Field[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = await pdf.getPage(n);
    const annotations = (await page.getAnnotations()) as Annotation[];
    for (const a of annotations) {
      if (!a.fieldName || !a.rect) continue;
      const field = toField(a.fieldName, a.fieldValue, Boolean(a.checkBox), n, a.rect);
      if (field) fields.push(field);
    }
  }
  return fields;
}

/** Repeated leaves without letters are ordered by where their widgets sit, top to bottom. */
function instances(fields: Field[], base: string): Field[] {
  const list = fields.filter((f) => f.base === base);
  if (list.every((f) => f.instance)) return list.sort((a, b) => a.instance!.localeCompare(b.instance!));
  return list.sort((a, b) => a.page - b.page || b.rect[3] - a.rect[3] || a.rect[0] - b.rect[0]);
}

type RowBag = Record<string, string | boolean | number | null> & { limits: Record<string, number | null> };

function convert(t: Target, f: Field): string | number | boolean | null {
  if (t.kind === 'check') return f.checked;
  const v = f.value;
  if (!v) return null;
  if (t.kind === 'date') return parseDate(v);
  if (t.kind === 'money') return parseMoney(v.replace(/^\$\s*/, '$'));
  if (t.kind === 'flag') return /^(Y|X|YES)$/i.test(v);
  if (t.kind === 'yn') return /^Y/i.test(v) ? true : /^N/i.test(v) ? false : null;
  if (t.kind === 'digits') return digitsOnly(v);
  if (t.kind === 'email') return v.replace(/\s+/g, '').toLowerCase();
  if (t.kind === 'letter') return /^[A-F]$/i.test(v) ? v.toUpperCase() : null;
  return v.replace(/,$/, '');
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('/').filter(Boolean);
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

export interface FieldReading {
  apply(layout: LayoutResult): LayoutResult;
}

/** Values of a filled ACORD form, or null when the PDF has no filled certificate fields. */
export async function readFields(pdf: PDFDocumentProxy, pages: number): Promise<FieldReading | null> {
  const fields = await collect(pdf, pages);
  const filled = fields.filter((f) => f.value || f.checked);
  if (filled.length < 8) return null;
  return { apply: (layout) => build(fields, layout) };
}

function build(fields: Field[], layout: LayoutResult): LayoutResult {
  const prov = new Provenance();
  const top: Record<string, unknown> = {};
  const rows = new Map<string, { bag: RowBag; prov: Provenance }>();
  for (const f of fields) {
    const t = fieldMap[f.base];
    if (!t || repeated.includes(f.base)) continue;
    const value = convert(t, f);
    if (value === null || value === false && t.kind === 'check') continue;
    if ('line' in t) {
      const row = rows.get(t.line) ?? { bag: { limits: {} } as RowBag, prov: new Provenance() };
      rows.set(t.line, row);
      setPath(row.bag, t.at, value);
      row.prov.box(t.at.replace(/^\/(basis|per|auto|kind)\/.*/, '/$1'), f.page, f.rect, 0.99);
    } else {
      setPath(top, t.at, value);
      prov.box(t.at.replace(/\/address\/.*/, '/address'), f.page, f.rect, 0.99);
    }
  }
  const insurers = readInsurers(fields, prov);
  const policies = readPolicies(fields, rows, prov);
  const get = (path: string) => path.split('/').filter(Boolean).reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], top);
  const party = (at: string) => ({ name: (get(`${at}/name`) as string) ?? null, address: address(get(`${at}/address`)) });
  const remarks = (get('/descriptionOfOperations') as string | undefined) ?? null;
  return {
    ...layout,
    certificateDate: (get('/certificateDate') as string) ?? null,
    certificateNumber: (get('/certificateNumber') as string) ?? null,
    revisionNumber: (get('/revisionNumber') as string) ?? null,
    producer: {
      ...party('/producer'),
      contactName: (get('/producer/contactName') as string) ?? null,
      phone: (get('/producer/phone') as string) ?? null,
      fax: (get('/producer/fax') as string) ?? null,
      email: (get('/producer/email') as string) ?? null,
    },
    insured: party('/insured'),
    certificateHolder: party('/certificateHolder'),
    insurers,
    policies,
    descriptionOfOperations: withContinuation(remarks, layout.descriptionOfOperations),
    endorsementForms: mergeFormNumbers([findFormNumbers(remarks ?? ''), layout.endorsementForms.map((f) => ({ form: f.form, edition: f.edition ?? null }))]),
    fields: prov.fields,
    // Values came from the form's own named fields, not from where ink lies on the page.
    reading: { layout: 'acord25', coverage: 'read', reasons: [] },
  };
}

/**
 * The remarks field, then whatever the page layout read beyond it (an ACORD 101 continuation).
 * The layout sees the field's own printed appearance too, so that part is not added twice.
 */
function withContinuation(field: string | null, layout: string | null): string | null {
  if (!field) return layout;
  if (!layout) return collapse(field);
  const own = collapse(field);
  return layout.includes(own) ? layout : collapse(`${own} ${layout}`);
}

function address(raw: unknown) {
  if (!raw) return null;
  const a = raw as Record<string, string | undefined>;
  return { line1: a.line1 ?? null, line2: a.line2 ?? null, city: a.city ?? null, state: a.state ?? null, postalCode: a.postalCode ?? null };
}

function readInsurers(fields: Field[], prov: Provenance): LayoutResult['insurers'] {
  const names = instances(fields, 'Insurer_FullName');
  const naics = instances(fields, 'Insurer_NAICCode');
  const out: LayoutResult['insurers'] = [];
  names.forEach((f, i) => {
    const letter = (f.instance ?? 'ABCDEF'[i]) as LayoutResult['insurers'][number]['letter'];
    if (!f.value || !letter) return;
    const naic = naics.find((n) => n.instance === letter) ?? (f.instance ? undefined : naics[i]);
    prov.box(`/insurers/${out.length}/name`, f.page, f.rect, f.instance ? 0.99 : 0.9);
    if (naic?.value) prov.box(`/insurers/${out.length}/naic`, naic.page, naic.rect, 0.95);
    out.push({ letter, name: f.value, naic: naic?.value || null });
  });
  return out;
}


function readPolicies(fields: Field[], rows: Map<string, { bag: RowBag; prov: Provenance }>, prov: Provenance): Policy[] {
  const otherLabels = instances(fields, 'OtherPolicy_CoverageCode');
  const otherAmounts = instances(fields, 'OtherPolicy_CoverageLimitAmount');
  const policies: Policy[] = [];
  for (const line of ['general_liability', 'automobile_liability', 'umbrella', 'workers_compensation', 'other'] as const) {
    const row = rows.get(line);
    if (!row) continue;
    const extra = line === 'other' ? otherLabels.map((l, i) => ({ label: l.value, amount: parseMoney(otherAmounts[i]?.value ?? '') })) : [];
    const policy = rowToPolicy(line, row.bag, extra);
    if (!policy) continue;
    prov.merge(row.prov, `/policies/${policies.length}`);
    policies.push(policy);
  }
  return policies;
}

export type { RowBag };
