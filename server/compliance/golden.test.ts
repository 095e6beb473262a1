import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../contracts/extraction';
import { evaluateCertificate } from './evaluate';
import { listGoldenFiles, readGolden, toEvaluatorInputs } from './golden/load';
import { deficiencyCodes, reviewCodes } from './types';

const files = listGoldenFiles();
const goldens = files.map(readGolden);

describe('golden verdicts', () => {
  it('has golden files', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(goldens.map((g) => [g.name, g] as const))('%s', (_name, golden) => {
    const parsed = extractionSchema.safeParse(golden.extraction);
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    const { requirements, context } = toEvaluatorInputs(golden);
    const before = JSON.stringify(golden.extraction);
    const verdict = evaluateCertificate(golden.extraction, requirements, context);
    expect(verdict).toEqual(golden.expected);
    expect(JSON.stringify(golden.extraction)).toBe(before);
    expect(evaluateCertificate(golden.extraction, requirements, context)).toEqual(verdict);
  });

  it('exercises every deficiency and review code', () => {
    const seenDeficiencies = new Set(goldens.flatMap((g) => g.expected.deficiencies.map((d) => d.code)));
    const seenReviews = new Set(goldens.flatMap((g) => g.expected.reviewReasons.map((r) => r.code)));
    expect(deficiencyCodes.filter((c) => !seenDeficiencies.has(c))).toEqual([]);
    expect(reviewCodes.filter((c) => !seenReviews.has(c))).toEqual([]);
    expect([...seenDeficiencies].filter((c) => !(deficiencyCodes as readonly string[]).includes(c))).toEqual([]);
    expect([...seenReviews].filter((c) => !(reviewCodes as readonly string[]).includes(c))).toEqual([]);
  });

  it('includes compliant, deficient and needs-review outcomes', () => {
    const outcomes = new Set(goldens.map((g) => g.expected.outcome));
    expect([...outcomes].sort()).toEqual(['compliant', 'deficient', 'needs_review']);
  });

  it('points every finding at a field that exists in the extraction or its collections', () => {
    for (const g of goldens) {
      for (const f of [...g.expected.deficiencies, ...g.expected.reviewReasons]) {
        if (f.field === null) continue;
        const parent = f.field.split('/').slice(1, 2)[0] ?? '';
        expect(Object.keys(g.extraction), `${g.name}: ${f.field}`).toContain(parent);
      }
    }
  });
});
