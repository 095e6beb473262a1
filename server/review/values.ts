import type { Extraction, FieldProvenance } from '../contracts/extraction';
import type { ExtractedValue, ValueKind } from '../contracts/review';
import { limitNames, lineNames, symbolNames } from '../compliance/messages';
import { ValidationError } from '../errors';

// The values of a read certificate as a reviewer sees them: a plain label, the value formatted,
// and where it sits on the page; and the rules for correcting one (which pointers exist in the
// extraction's shape, and the type each must have).

type Json = unknown;

const topText = new Set(['form', 'edition', 'certificateNumber', 'revisionNumber', 'descriptionOfOperations']);
const partyText: Record<string, Set<string>> = {
  producer: new Set(['name', 'contactName', 'phone', 'fax', 'email']),
  insured: new Set(['name']),
  certificateHolder: new Set(['name']),
};
const policyKinds: Record<string, ValueKind> = {
  effectiveDate: 'date',
  expirationDate: 'date',
  policyNumber: 'text',
  description: 'text',
  insurerLetter: 'text',
  basis: 'text',
  aggregateAppliesPer: 'text',
  additionalInsured: 'boolean',
  subrogationWaived: 'boolean',
  statutory: 'boolean',
  excludedOfficers: 'boolean',
};

export function segments(pointer: string): string[] {
  return pointer.split('/').slice(1);
}

/** A record's own entry, never one inherited from Object.prototype (`__proto__`, `constructor`, `toString`). */
function own<T>(record: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

const index = /^(0|[1-9]\d{0,3})$/;

/** The type a correctable pointer holds, or null when the pointer is not a correctable value of the extraction. */
export function pointerKind(pointer: string): ValueKind | null {
  const [a, b, c, d, ...rest] = segments(pointer);
  if (a === undefined) return null;
  if (b === undefined) return a === 'certificateDate' ? 'date' : topText.has(a) ? 'text' : null;
  const party = own(partyText, a);
  if (party) return c === undefined && party.has(b) ? 'text' : null;
  if (!index.test(b) || c === undefined) return null;
  if (a === 'insurers') return d === undefined && (c === 'name' || c === 'naic') ? 'text' : null;
  if (a !== 'policies') return null;
  if (c === 'limits') return rest.length === 0 && own(limitNames, d) !== undefined ? 'money' : null;
  return d === undefined ? (own(policyKinds, c) ?? null) : null;
}

function at(e: Json, pointer: string): Json {
  let node: Json = e;
  for (const s of segments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = own(node as Record<string, Json>, s);
  }
  return node;
}

/** A copy of the extraction with one value replaced; the pointer's parent must exist (a policy that was read). */
export function withValue(e: Extraction, pointer: string, value: Json): Extraction {
  const copy = structuredClone(e) as Record<string, Json>;
  const path = segments(pointer);
  const last = path.pop()!;
  let node: Json = copy;
  for (const s of path) {
    node = node !== null && typeof node === 'object' ? own(node as Record<string, Json>, s) : undefined;
    if (node === undefined || node === null) throw new ValidationError(`The certificate has nothing at ${path.join('/')} to correct.`);
  }
  if (last === '__proto__' || Array.isArray(node) !== index.test(last)) throw new ValidationError(`The certificate has nothing at ${pointer} to correct.`);
  (node as Record<string, Json>)[last] = value;
  return copy as Extraction;
}

export function valueAt(e: Extraction, pointer: string): Json {
  return at(e, pointer);
}

/** Checks a corrected value against the pointer's type; the value to store. */
export function checkValue(kind: ValueKind, value: string | number | boolean): string | number | boolean {
  if (kind === 'money') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ValidationError('An amount must be a whole number of dollars, 0 or more.');
    return value;
  }
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') throw new ValidationError('This value is yes or no (true or false).');
    return value;
  }
  if (typeof value !== 'string') throw new ValidationError(kind === 'date' ? 'A date must be written YYYY-MM-DD.' : 'This value is text.');
  if (kind === 'date' && !isRealDate(value)) throw new ValidationError('A date must be a real day written YYYY-MM-DD.');
  return value.trim();
}

function isRealDate(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
}

const words: Record<string, string> = {
  certificateDate: 'Date',
  certificateNumber: 'Number',
  revisionNumber: 'Revision',
  descriptionOfOperations: 'Description of operations',
  contactName: 'Contact',
  naic: 'NAIC',
  insurerLetter: 'Insurer',
  additionalInsured: 'Additional insured',
  subrogationWaived: 'Waiver of subrogation',
  aggregateAppliesPer: 'Aggregate applies per',
  autoSymbols: 'Covered autos',
  excludedOfficers: 'Officers excluded',
};
const groups: Record<string, string> = { producer: 'Producer', insured: 'Insured', certificateHolder: 'Certificate holder' };

function sentenceCase(key: string): string {
  const spaced = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function nameOf(key: string): string {
  const limit = own(limitNames, key);
  return own(words, key) ?? (limit ? sentenceCase(limit) : sentenceCase(key));
}

/** "General liability · Each occurrence", "Insurer B · NAIC", "Certificate · Date". */
export function labelFor(e: Extraction, pointer: string): string {
  const [a = '', b, c, d] = segments(pointer);
  if (a === 'policies' && b !== undefined) {
    const policy = e.policies[Number(b)];
    const line = policy ? (lineNames[policy.line as keyof typeof lineNames] ?? (policy.line === 'excess_liability' ? 'Excess liability' : 'Other coverage')) : `Policy ${Number(b) + 1}`;
    if (c === undefined) return `${line} (line added by hand)`;
    return `${line} · ${nameOf(c === 'limits' && d ? d : c)}`;
  }
  if (a === 'insurers' && b !== undefined) return `Insurer ${e.insurers[Number(b)]?.letter ?? Number(b) + 1} · ${nameOf(c ?? 'name')}`;
  const group = own(groups, a);
  if (group) return `${group} · ${nameOf(b ?? 'name')}`;
  return `Certificate · ${nameOf(a)}`;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function formatValue(kind: ValueKind | null, v: Json): string {
  if (v === null || v === undefined || v === '') return 'Not found';
  if (kind === 'money' && typeof v === 'number') return money.format(v);
  if (kind === 'date' && typeof v === 'string') {
    return new Date(`${v}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  }
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.map((x) => symbolNames[String(x)] ?? String(x)).join(', ');
  if (typeof v === 'object') return Object.values(v as Record<string, Json>).filter((x) => typeof x === 'string' && x).join(', ') || 'Not found';
  return typeof v === 'string' ? v.replace(/_/g, ' ') : String(v);
}

function rawOf(v: Json): string | number | boolean | null {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/** One row per value the reader located on the page, in the extraction's field order. */
export function extractedValues(e: Extraction, corrected: ReadonlySet<string>): ExtractedValue[] {
  const fields: Record<string, FieldProvenance> = e.fields ?? {};
  return Object.entries(fields).map(([pointer, f]) => {
    const kind = pointerKind(pointer);
    const v = at(e, pointer);
    return {
      pointer,
      label: labelFor(e, pointer),
      value: formatValue(kind, v),
      raw: rawOf(v),
      kind,
      page: f.page ?? null,
      box: f.box ?? null,
      confidence: f.confidence ?? null,
      corrected: corrected.has(pointer),
    };
  });
}
