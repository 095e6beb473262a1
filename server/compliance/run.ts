import { CONFIDENT, type Extraction, type Policy, type Reading } from '../contracts/extraction';
import { normaliseForm, type CompiledRequirements } from './compile';
import type { Deficiency, EvaluationContext, ReviewReason, Scalar } from './types';
import { prepareText, type PreparedText } from './text';
import { lineNames } from './messages';
import type { RequirementLine } from '../contracts/requirements';

// One evaluation's working state: the inputs, what has been found so far, and the
// helpers every rule uses to decide whether a value can be trusted.

/** Extractions stored before the reader said how the reading went were all fitted to the form. */
const soundReading: Reading = { layout: 'acord25', coverage: 'read', reasons: [] };

/** Why a value may not decide a finding on its own: where it came from, or how sure the reader was. */
export type Doubt = 'layout' | 'coverage' | 'confidence';

const doubtCodes: Record<Doubt, string> = { layout: 'layout_unrecognised', coverage: 'coverage_unreadable', confidence: 'low_confidence' };
const doubtNotes: Record<Doubt, string> = {
  layout: 'The reader did not recognise the layout of this certificate, so please check this by hand.',
  coverage: 'The reader could not read the coverage grid reliably, so please check this by hand.',
  confidence: 'The reader was unsure of a value this depends on, so please check it by hand.',
};

export interface PolicyRef {
  policy: Policy;
  index: number;
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days);
  return new Date(t).toISOString().slice(0, 10);
}

const addDaysCache = new Map<string, string>();

/** Evaluations in a batch share the same today, so the date arithmetic is done once. */
function addDaysCached(isoDate: string, days: number): string {
  const key = `${isoDate}+${days}`;
  let hit = addDaysCache.get(key);
  if (hit === undefined) {
    if (addDaysCache.size > 1000) addDaysCache.clear();
    hit = addDays(isoDate, days);
    addDaysCache.set(key, hit);
  }
  return hit;
}

/** "2025-03-01" → "03/01/2025", the way the certificate prints dates. */
export function usDate(isoDate: string): string {
  return `${isoDate.slice(5, 7)}/${isoDate.slice(8, 10)}/${isoDate.slice(0, 4)}`;
}

export class Run {
  readonly deficiencies: Deficiency[] = [];
  readonly reviewReasons: ReviewReason[] = [];
  readonly skippedChecks: string[] = [];
  readonly remarks: PreparedText;
  readonly forms: Set<string>;
  /** Coverage must be in force on this date: the project start if still ahead, else today. */
  readonly inForceOn: string;
  readonly mustRunUntil: string;
  readonly reading: Reading;
  private readonly threshold: number;
  private readonly confirmed: ReadonlySet<string>;
  private readonly reviewed = new Set<string>();
  /** Pointers read below the confidence threshold; null when there are none, the usual case. */
  private readonly lowConfidence: Set<string> | null;

  constructor(
    readonly extraction: Extraction,
    readonly req: CompiledRequirements,
    readonly ctx: EvaluationContext,
  ) {
    this.threshold = ctx.confidenceThreshold ?? CONFIDENT;
    this.reading = extraction.reading ?? soundReading;
    this.confirmed = ctx.confirmed ?? new Set();
    this.remarks = prepareText(extraction.descriptionOfOperations);
    this.forms = new Set(extraction.endorsementForms.map((f) => normaliseForm(f.form)));
    const start = ctx.projectStart;
    this.inForceOn = start && start > ctx.today ? start : ctx.today;
    this.mustRunUntil = addDaysCached(ctx.today, req.daysRemaining);
    this.lowConfidence = lowConfidencePointers(extraction, this.threshold);
  }

  /** The reading as a whole is in doubt and no person has yet said they looked the certificate over. */
  get held(): boolean {
    return !this.ctx.reviewFinished && (this.reading.layout === 'unrecognised' || this.reading.coverage === 'unreadable');
  }

  /**
   * Records a shortfall, but only when every value deciding it is firm (see doubtAbout):
   * the sub may be told a deficiency, so one resting on a doubtful value becomes a reason for
   * a person to look instead, with the shortfall as it was read. `also` names deciding values
   * beyond `field`; one ending in "/*" stands for that value and everything beneath it.
   */
  deficiency(code: string, line: string | null, field: string | null, required: Scalar, found: Scalar, message: string, also: readonly string[] = []): void {
    const doubt = this.doubtAbout(field === null ? also : [field, ...also]);
    if (doubt) {
      this.review(doubtCodes[doubt], line, field, `${message} ${doubtNotes[doubt]}`, message);
      return;
    }
    this.deficiencies.push({ code, line, field, required, found, message });
  }

  /** `distinct` keeps findings apart that share a code and a field (two lines' missing endorsements). */
  review(code: string, line: string | null, field: string | null, message: string, distinct = ''): void {
    const key = `${code}|${field ?? line ?? ''}|${distinct}`;
    if (this.reviewed.has(key)) return;
    this.reviewed.add(key);
    this.reviewReasons.push({ code, line, field, message });
  }

  skip(check: string): void {
    if (!this.skippedChecks.includes(check)) this.skippedChecks.push(check);
  }

  /**
   * The first doubt about any of these deciding values, or null when all are firm. A value is
   * firm when a person corrected or confirmed it, or when the reader found it on a recognised
   * layout (in a coverage grid it could read, for grid values) with enough confidence.
   */
  doubtAbout(pointers: readonly string[]): Doubt | null {
    if (pointers.length === 0 && this.reading.layout === 'unrecognised') return 'layout';
    for (const p of pointers) {
      const subtree = p.endsWith('/*');
      const pointer = subtree ? p.slice(0, -2) : p;
      if (this.confirmed.has(pointer)) continue;
      if (this.reading.layout === 'unrecognised') return 'layout';
      if (this.reading.coverage === 'unreadable' && (pointer === '/policies' || pointer.startsWith('/policies/'))) return 'coverage';
      if (this.unsureAt(pointer) !== null || (subtree && this.unsureBeneath(pointer))) return 'confidence';
    }
    return null;
  }

  private unsureBeneath(pointer: string): boolean {
    const prefix = `${pointer}/`;
    for (const low of this.lowConfidence ?? []) if (low.startsWith(prefix) && !this.confirmed.has(low)) return true;
    return false;
  }

  /** Where the reader was unsure of a pointer (or of the whole row it sits in), else null. */
  private unsureAt(pointer: string): string | null {
    const low = this.lowConfidence;
    if (!low || this.confirmed.has(pointer)) return null;
    if (low.has(pointer)) return pointer;
    if (!pointer.startsWith('/policies/')) return null;
    const end = pointer.indexOf('/', 10);
    const row = end < 0 ? pointer : pointer.slice(0, end);
    return low.has(row) ? row : null;
  }

  /** Records a low-confidence reason once per pointer (or once per row when the whole row is unsure). */
  private flagLowConfidence(pointer: string, line: string | null, what: string): boolean {
    const at = this.unsureAt(pointer);
    if (at === null) return false;
    const rowLine = /^\/policies\/\d+$/.test(at) ? this.extraction.policies[Number(at.slice(10))]?.line : undefined;
    const rowName = rowLine ? (lineNames[rowLine as RequirementLine] ?? rowLine.replace(/_/g, ' ')) : null;
    const subject = rowName ? `the ${lowerFirst(rowName)} row` : lowerFirst(what);
    this.review('low_confidence', line, at, `The reader was unsure of ${subject}; please check it by hand.`);
    return true;
  }

  /**
   * True when a value may decide a rule. Otherwise records why a person must look
   * (missing, or read with low confidence) and returns false so no deficiency is guessed.
   */
  trusted(value: unknown, pointer: string, line: string | null, what: string): boolean {
    if (value === null || value === undefined) {
      this.review('value_missing', line, pointer, `${what} could not be read from the certificate; please check it by hand.`);
      return false;
    }
    return !this.flagLowConfidence(pointer, line, what);
  }

  /** For values whose absence is itself an answer (e.g. an empty remarks box): only confidence matters. */
  unsure(pointer: string, line: string | null, what: string): boolean {
    return this.flagLowConfidence(pointer, line, what);
  }

  hasForm(form: string): boolean {
    return this.forms.has(form);
  }
}

function lowConfidencePointers(extraction: Extraction, threshold: number): Set<string> | null {
  let low: Set<string> | null = null;
  for (const pointer in extraction.fields) {
    const c = extraction.fields[pointer]?.confidence;
    if (c !== undefined && c < threshold) (low ??= new Set()).add(pointer);
  }
  return low;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
