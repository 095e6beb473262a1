import { createHash } from 'node:crypto';
import type { Verdict } from '../compliance/types';

// Small pure helpers around a verdict: its identity, and the sentences people read.

/**
 * What makes two verdicts the same decision: the findings, not the day they were reached.
 * Evaluating the same read again with the same result must not repeat its effects.
 */
export function verdictFingerprint(v: Verdict): string {
  const findings = {
    outcome: v.outcome,
    requirementSet: v.requirementSet,
    tier: v.tier,
    deficiencies: v.deficiencies.map((d) => [d.code, d.line, d.field, d.message]),
    reviewReasons: v.reviewReasons.map((r) => [r.code, r.line, r.field, r.message]),
  };
  return createHash('sha256').update(JSON.stringify(findings)).digest('hex');
}

/** Each distinct deficiency sentence once, in the evaluator's order. */
export function deficiencyMessages(v: Verdict): string[] {
  return [...new Set(v.deficiencies.map((d) => d.message))];
}

/** The timeline sentence for a certificate a person must look at. */
export function reviewMessage(v: Verdict): string {
  const reasons = [...new Set(v.reviewReasons.map((r) => r.message))];
  return `Flagged for a person: ${reasons.length ? reasons.join(' ') : 'the certificate could not be checked automatically.'}`;
}

/** Today's date as YYYY-MM-DD (UTC), the evaluator's notion of "today". */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** "December 22, 2026" for emails. */
export function longDate(d: Date): string {
  return d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
