import { describe, expect, it } from 'vitest';
import type { Verdict } from '../compliance/types';
import { deficiencyMessages, isoToday, reviewMessage, verdictFingerprint } from './findings';

const verdict = (patch: Partial<Verdict> = {}): Verdict => ({
  outcome: 'deficient',
  deficiencies: [
    { code: 'policy_expired', line: 'general_liability', field: '/policies/0/expirationDate', required: '2025-12-01', found: '2025-05-01', message: 'General liability expired on 05/01/2025.' },
    { code: 'policy_expired', line: 'automobile_liability', field: '/policies/1/expirationDate', required: '2025-12-01', found: '2025-05-01', message: 'General liability expired on 05/01/2025.' },
  ],
  reviewReasons: [],
  tier: null,
  requirementSet: 'Standard',
  checkedAt: '2025-12-01',
  skippedChecks: [],
  ...patch,
});

describe('verdict helpers', () => {
  it('fingerprints the findings, not the day they were reached', () => {
    expect(verdictFingerprint(verdict({ checkedAt: '2025-12-02' }))).toBe(verdictFingerprint(verdict()));
    expect(verdictFingerprint(verdict({ requirementSet: 'Other' }))).not.toBe(verdictFingerprint(verdict()));
    expect(verdictFingerprint(verdict({ deficiencies: [] }))).not.toBe(verdictFingerprint(verdict()));
  });

  it('lists each deficiency sentence once and words review reasons for the timeline', () => {
    expect(deficiencyMessages(verdict())).toEqual(['General liability expired on 05/01/2025.']);
    const review = verdict({ outcome: 'needs_review', deficiencies: [], reviewReasons: [{ code: 'low_confidence', line: null, field: null, message: 'The limit was hard to read.' }] });
    expect(reviewMessage(review)).toBe('Flagged for a person: The limit was hard to read.');
  });

  it('dates today in UTC', () => {
    expect(isoToday(new Date('2026-11-22T23:30:00-05:00'))).toBe('2026-11-23');
  });
});
