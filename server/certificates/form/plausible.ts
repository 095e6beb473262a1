// A value read from its own field can still be impossible for what it is: a policy that expires
// before it starts, a letter no insurer carries, a limit of $25. Such values keep what was read
// but lose their confidence, with a reason, so a person looks before anyone acts on them.
import type { FieldProvenance, Policy } from '../../contracts/extraction';

type Fields = Record<string, FieldProvenance>;

const doubtful = 0.5;

function lower(fields: Fields, pointer: string, to: number): void {
  const f = fields[pointer];
  if (f) f.confidence = Math.min(f.confidence ?? 1, to);
  else fields[pointer] = { confidence: to };
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function checkPeriod(p: Policy, at: string, fields: Fields, reasons: string[]): void {
  if (!p.effectiveDate || !p.expirationDate) return;
  const term = days(p.effectiveDate, p.expirationDate);
  // A policy of about a year runs from a date to the same date a year on; a day or a month off
  // is most likely one digit misread, and which date it is cannot be told.
  const anniversary = p.effectiveDate.slice(5) === p.expirationDate.slice(5);
  if (term >= 355 && term <= 375 && !anniversary) {
    lower(fields, `${at}/effectiveDate`, 0.7);
    lower(fields, `${at}/expirationDate`, 0.7);
  }
  if (term <= 0 || term > 5 * 366) {
    lower(fields, `${at}/effectiveDate`, doubtful);
    lower(fields, `${at}/expirationDate`, doubtful);
    reasons.push(`The policy ${p.policyNumber ?? ''} runs from ${p.effectiveDate} to ${p.expirationDate}, which cannot be right; its dates need checking.`.replace('  ', ' '));
  }
}

function checkLimits(p: Policy, at: string, fields: Fields, reasons: string[]): void {
  const amounts: [string, number | null | undefined][] = Object.entries(p.limits).filter((e): e is [string, number] => typeof e[1] === 'number');
  (p.limits.other ?? []).forEach((o, i) => amounts.push([`other/${i}`, o.amount]));
  for (const [key, value] of amounts) {
    if (typeof value !== 'number' || (value >= 100 && value <= 1_000_000_000)) continue;
    lower(fields, `${at}/limits/${key}`, doubtful);
    reasons.push(`A limit of $${value.toLocaleString('en-US')} was read; it needs checking.`);
  }
}

/** Lowers the confidence of values that cannot be right as read; returns the reasons. */
export function checkPlausible(r: { policies: Policy[]; insurers: { letter: string }[]; certificateDate: string | null }, fields: Fields): string[] {
  const reasons: string[] = [];
  const letters = new Set(r.insurers.map((i) => i.letter));
  r.policies.forEach((p, i) => {
    const at = `/policies/${i}`;
    checkPeriod(p, at, fields, reasons);
    checkLimits(p, at, fields, reasons);
    if (p.insurerLetter && letters.size && !letters.has(p.insurerLetter)) {
      lower(fields, `${at}/insurerLetter`, doubtful);
      reasons.push(`The ${p.line.replace(/_/g, ' ')} row names insurer ${p.insurerLetter}, which the certificate does not list.`);
    }
    if (p.policyNumber && (p.policyNumber.length < 4 || !/\d/.test(p.policyNumber))) lower(fields, `${at}/policyNumber`, doubtful);
  });
  if (r.certificateDate && r.policies.some((p) => p.effectiveDate && Math.abs(days(p.effectiveDate, r.certificateDate!)) > 3 * 366)) {
    lower(fields, '/certificateDate', doubtful);
  }
  return reasons;
}
