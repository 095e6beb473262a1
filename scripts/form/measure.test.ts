import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankForm, geometryFile, measure } from './measure';

describe('the measured ACORD 25 geometry', () => {
  it('has every field of the official form and its labels', () => {
    const g = JSON.parse(readFileSync(geometryFile, 'utf8')) as { fields: Record<string, unknown>; labels: { text: string }[]; prose: unknown[] };
    expect(Object.keys(g.fields)).toEqual(expect.arrayContaining(['Form_CompletionDate_A', 'Insurer_FullName_F', 'Policy_GeneralLiability_PolicyNumberIdentifier_A', 'OtherPolicy_CoverageLimitAmount_C']));
    expect(g.labels.map((l) => l.text)).toEqual(expect.arrayContaining(['PRODUCER', 'INSURED', 'COVERAGES', 'CERTIFICATE HOLDER', 'EACH OCCURRENCE']));
    // The form's prose is kept only as boxes.
    expect(JSON.stringify(g.labels)).not.toMatch(/AFFIRMATIVELY|NOTWITHSTANDING/);
  });

  // The blank lives beside the project only (never in it); where it is, the file must match it.
  it.runIf(existsSync(blankForm))('matches the blank form it was measured from', async () => {
    expect(await measure(blankForm)).toBe(readFileSync(geometryFile, 'utf8'));
  });
});
