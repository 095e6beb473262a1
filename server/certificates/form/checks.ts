// A section's checkboxes and the few values written beside them (a deductible, a retention, the
// excluded-officers answer), applied to the section's policies.
import type { Policy } from '../../contracts/extraction';
import { figuresGuessed, guess, parseMoney } from '../values';
import type { Box } from '../words';
import { checkbox, confidenceOf, linesIn, type Reading } from './cells';
import { pageBoxOf } from './lines';
import { pageBox, valuesIn, type FormPage } from './placed';
import type { Section } from './regions';
import type { Sink } from './sink';

type Mark = ReturnType<typeof checkbox>;

export interface Checks {
  umbrella: boolean;
  excess: boolean;
  apply(policy: Policy, at: string): void;
}

/** The one option ticked among several, or null when none or more than one is. */
/** The most a choice settled only by looking at its boxes more narrowly can be trusted. */
const narrowed = 0.6;

function oneOf<T extends string>(page: FormPage, s: Section, marks: Record<string, Mark>, options: T[]): { value: T | null; box: Box | null; confidence: number } {
  const on = options.filter((o) => marks[o]?.on);
  const confidence = Math.min(...options.map((o) => marks[o]?.confidence ?? 1));
  if (on.length > 1) {
    // Two boxes of one choice marked: the area looked in around a box may take in a marked box
    // of the row above or below (a page fitted a little off). Looked at only where each box
    // stands, one mark may remain: that choice is for a person to confirm.
    const own = on.filter((o) => checkbox(page, s.checks[o]!, [0.5, 0]).on);
    const value = own.length === 1 ? own[0]! : null;
    return { value, box: value ? marks[value]!.box : null, confidence: value ? Math.min(confidence, narrowed) : 0.4 };
  }
  const value = on.length === 1 ? on[0]! : null;
  return { value, box: value ? marks[value]!.box : null, confidence };
}

// A write-in deductible or retention: "BI/PD Ded:5,000", "Deductible $2,500", "SIR 10,000".
const deductibleText = /\b(DED(?:UCTIBLE)?|SIR|SELF[- ]INSURED RETENTION|RETENTION)\b\W{0,3}\$?\s*([\d,]+(?:\.\d\d)?)/i;

function writeInDeductible(page: FormPage, boxes: Box[]): Reading<{ kind: 'deductible' | 'retention'; amount: number | null } | null> | null {
  for (const box of boxes) {
    for (const line of linesIn(page, box)) {
      const m = deductibleText.exec(line.text);
      if (!m) continue;
      const kind = /^DED/i.test(m[1]!) ? 'deductible' : 'retention';
      const amount = parseMoney(m[2]!);
      return { value: { kind, amount }, items: line.items, box: pageBoxOf(line.items), confidence: confidenceOf(page, box, line.items) };
    }
  }
  return null;
}

function excludedOfficers(page: FormPage, box: Box): Reading<boolean | null> {
  const items = valuesIn(page, box).filter((p) => /^[YN]$/i.test(p.word.text.replace(/[^A-Za-z]/g, '')));
  const value = items.length === 1 ? /^Y/i.test(items[0]!.word.text.replace(/[^A-Za-z]/g, '')) : null;
  return { value, items, box: items.length ? pageBoxOf(items) : pageBox(page, box), confidence: items.length > 1 ? 0.4 : confidenceOf(page, box, items) };
}

export function readChecks(page: FormPage, s: Section, sink: Sink): Checks {
  const marks: Record<string, Mark> = {};
  for (const [name, box] of Object.entries(s.checks)) {
    if (name === 'amount' || name === 'excluded' || name.startsWith('writeIn')) continue;
    marks[name] = checkbox(page, box);
  }
  const record = (at: string, r: { box: Box | null; confidence: number }, fallback: Box) =>
    sink.read(at, { box: r.box ?? pageBox(page, fallback), confidence: r.confidence, items: [] });
  return {
    umbrella: marks.umbrella?.on ?? false,
    excess: marks.excess?.on ?? false,
    apply(policy, at) {
      if (s.kind === 'general_liability') {
        const basis = oneOf(page, s, marks, ['occurrence', 'claims_made']);
        const per = oneOf(page, s, marks, ['policy', 'project', 'location', 'other']);
        policy.basis = basis.value;
        policy.aggregateAppliesPer = per.value;
        record(`${at}/basis`, basis, s.checks.occurrence!);
        record(`${at}/aggregateAppliesPer`, per, s.checks.policy!);
        const ded = writeInDeductible(page, [s.checks.writeInA!, s.checks.writeInB!]);
        if (ded) {
          policy.retentionOrDeductible = ded.value;
          sink.read(`${at}/retentionOrDeductible`, ded);
        }
      }
      if (s.kind === 'automobile_liability') {
        const symbols = ['any_auto', 'owned_autos', 'scheduled_autos', 'hired_autos', 'non_owned_autos'] as const;
        policy.autoSymbols = symbols.filter((o) => marks[o]?.on);
        if (marks.otherA?.on || marks.otherB?.on) policy.autoSymbols.push('other');
        const confidence = Math.min(...Object.values(marks).map((m) => m.confidence));
        sink.read(`${at}/autoSymbols`, { box: pageBox(page, [36, s.bottom, 176, s.top - 12]), confidence, items: [] });
      }
      if (s.kind === 'umbrella') applyUmbrella(page, s, marks, policy, at, sink);
      if (s.kind === 'workers_compensation') {
        policy.statutory = marks.statutory?.on ?? false;
        record(`${at}/statutory`, marks.statutory!, s.checks.statutory!);
        const excluded = excludedOfficers(page, s.checks.excluded!);
        policy.excludedOfficers = excluded.value;
        sink.read(`${at}/excludedOfficers`, excluded);
      }
    },
  };
}

function applyUmbrella(page: FormPage, s: Section, marks: Record<string, Mark>, policy: Policy, at: string, sink: Sink): void {
  const basis = oneOf(page, s, marks, ['occurrence', 'claims_made']);
  policy.basis = basis.value;
  sink.read(`${at}/basis`, { box: basis.box ?? pageBox(page, s.checks.occurrence!), confidence: basis.confidence, items: [] });
  const kind = oneOf(page, s, marks, ['retention', 'deductible']);
  const amountBox = s.checks.amount!;
  const items = valuesIn(page, amountBox);
  const text = items.map((p) => p.word.text).join(' ');
  const read = items.length ? parseMoney(text.replace(/^\$\s*/, '')) : null;
  // Figures OCR read as letters ("1O,000"): the amount they resemble, for a person to confirm.
  const guessed = read === null && items.length && page.view.ocr ? parseMoney(figuresGuessed(text) ?? '') : null;
  const amount = read ?? guessed;
  policy.retentionOrDeductible = kind.value || amount !== null ? { ...(kind.value ? { kind: kind.value } : {}), amount } : null;
  const confidence = Math.min(kind.confidence, items.length && amount === null ? 0.3 : confidenceOf(page, amountBox, items), guessed === null ? 1 : guess);
  sink.read(`${at}/retentionOrDeductible`, { box: items.length ? pageBoxOf(items) : pageBox(page, amountBox), confidence, items });
}
