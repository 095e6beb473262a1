import { describe, expect, it } from 'vitest';
import { CONFIDENT, type Extraction, type Reading } from '../contracts/extraction';
import { defaultRequirements } from './default-requirements';
import { evaluateCertificate } from './evaluate';
import { baseContext, baseExtraction } from './golden/base';
import { listGoldenFiles, readGolden, toEvaluatorInputs } from './golden/load';
import type { EvaluationContext } from './types';

// The product rule behind deficiency emails: the sub is never told something false. A
// deficiency stands only on values read from a recognised layout at high confidence (or set by
// a person); anything less is a point for a person, and so is a line the reader could not read.

const context: EvaluationContext = { ...baseContext, carriers: undefined };
const unreadable: Reading = { layout: 'acord25', coverage: 'unreadable', reasons: ['No policy rows were found under the coverage headings.'] };
const unrecognised: Reading = { layout: 'unrecognised', coverage: 'read', reasons: ['The pages do not match the ACORD 25 form.'] };
const required = ['general_liability', 'automobile_liability', 'umbrella_liability', 'workers_compensation', 'employers_liability'];

function shortGl(confidence: number): Extraction {
  const e = baseExtraction();
  e.policies[0]!.limits.eachOccurrence = 500_000;
  e.fields = {
    '/policies/0/limits/eachOccurrence': { page: 1, confidence },
    '/policies/2/limits/eachOccurrence': { page: 1, confidence: 0.97 },
  };
  return e;
}

describe('a coverage grid the reader could not read', () => {
  it('makes each required line it lacks a point for a person, not a missing line', () => {
    const e: Extraction = { ...baseExtraction(), policies: [], reading: unreadable };
    const verdict = evaluateCertificate(e, defaultRequirements, context);
    expect(verdict.outcome).toBe('needs_review');
    expect(verdict.deficiencies).toEqual([]);
    const perLine = verdict.reviewReasons.filter((r) => r.code === 'coverage_unreadable' && r.line !== null);
    expect(perLine.map((r) => r.line)).toEqual(required);
    expect(perLine[0]?.message).toMatch(/^General liability was not found/);
    for (const r of perLine) expect(r.message).toContain('No policy rows were found under the coverage headings.');
  });

  it('still checks the lines it did read, without letting their shortfalls decide', () => {
    const e: Extraction = { ...shortGl(0.97), reading: unreadable };
    const verdict = evaluateCertificate(e, defaultRequirements, context);
    expect(verdict.outcome).toBe('needs_review');
    expect(verdict.deficiencies).toEqual([]);
    expect(verdict.reviewReasons).toContainEqual(
      expect.objectContaining({ code: 'coverage_unreadable', line: 'general_liability', field: '/policies/0/limits/eachOccurrence' }),
    );
  });

  it('behaves like a missing line once the reading is sound again', () => {
    const e: Extraction = { ...baseExtraction(), policies: [], reading: { layout: 'acord25', coverage: 'read', reasons: [] } };
    const verdict = evaluateCertificate(e, defaultRequirements, context);
    expect(verdict.outcome).toBe('deficient');
    expect(verdict.deficiencies.filter((d) => d.code === 'line_missing').map((d) => d.line)).toEqual(required);
  });
});

describe('a layout the reader did not recognise', () => {
  it('holds even a certificate whose values all pass, and lists no deficiency for a short value', () => {
    expect(evaluateCertificate({ ...baseExtraction(), reading: unrecognised }, defaultRequirements, context).outcome).toBe('needs_review');
    const verdict = evaluateCertificate({ ...shortGl(0.97), reading: unrecognised }, defaultRequirements, context);
    expect(verdict.outcome).toBe('needs_review');
    expect(verdict.deficiencies).toEqual([]);
    expect(verdict.reviewReasons.map((r) => r.code)).toEqual(['layout_unrecognised', 'layout_unrecognised']);
  });

  it('lets values a person confirmed decide once the person has finished reviewing', () => {
    const confirmed = new Set(['/policies/0/limits/eachOccurrence', '/policies/2/limits/eachOccurrence']);
    const e: Extraction = { ...shortGl(0.97), reading: unrecognised };
    expect(evaluateCertificate(e, defaultRequirements, { ...context, confirmed }).outcome).toBe('needs_review');
    const finished = evaluateCertificate(e, defaultRequirements, { ...context, confirmed, reviewFinished: true });
    expect(finished.outcome).toBe('deficient');
    expect(finished.deficiencies.map((d) => d.code)).toEqual(['limit_below_minimum']);
  });
});

describe('confidence in the deciding values', () => {
  it('sends a shortfall read with low confidence to review', () => {
    const verdict = evaluateCertificate(shortGl(CONFIDENT - 0.01), defaultRequirements, context);
    expect(verdict.outcome).toBe('needs_review');
    expect(verdict.deficiencies).toEqual([]);
    expect(verdict.reviewReasons.map((r) => r.code)).toEqual(['low_confidence']);
  });

  it('calls a shortfall deficient when every deciding value was read confidently', () => {
    for (const confidence of [CONFIDENT, 0.97]) {
      const verdict = evaluateCertificate(shortGl(confidence), defaultRequirements, context);
      expect(verdict.outcome).toBe('deficient');
      expect(verdict.deficiencies.map((d) => d.code)).toEqual(['limit_below_minimum']);
      expect(verdict.reviewReasons).toEqual([]);
    }
  });

  it('sends a shortfall to review when the umbrella value that cannot make it up was read with low confidence', () => {
    const e = shortGl(0.97);
    e.fields!['/policies/2/limits/eachOccurrence'] = { page: 1, confidence: 0.3 };
    expect(evaluateCertificate(e, defaultRequirements, context).outcome).toBe('needs_review');
  });

  it('takes a value a person confirmed as firm, even in a row the reader was unsure of', () => {
    const e = shortGl(0.97);
    e.fields!['/policies/0'] = { page: 1, confidence: 0.3 };
    expect(evaluateCertificate(e, defaultRequirements, context).outcome).toBe('needs_review');
    const confirmed = new Set(['/policies/0/limits/eachOccurrence']);
    expect(evaluateCertificate(e, defaultRequirements, { ...context, confirmed }).outcome).toBe('deficient');
  });
});

describe('every deficiency of every golden case', () => {
  const deficient = listGoldenFiles()
    .map(readGolden)
    .filter((g) => g.expected.deficiencies.length > 0);

  it('has deficient cases to vary', () => {
    expect(deficient.length).toBeGreaterThan(20);
  });

  it.each(deficient.map((g) => [g.name, g] as const))('%s: stands only on firm values', (_name, g) => {
    const { requirements, context: ctx } = toEvaluatorInputs(g);
    for (const d of g.expected.deficiencies) {
      if (d.field === null || ctx.confirmed?.has(d.field)) continue;
      const unsure = structuredClone(g.extraction);
      unsure.fields = { ...unsure.fields, [d.field]: { page: 1, confidence: 0.1 } };
      const verdict = evaluateCertificate(unsure, requirements, ctx);
      const same = verdict.deficiencies.filter((x) => x.code === d.code && x.line === d.line && x.field === d.field);
      expect(same, `${d.code} at ${d.field} read with low confidence`).toEqual([]);
    }
    const unconfirmed = { ...ctx, confirmed: undefined, reviewFinished: undefined };
    for (const reading of [unreadable, unrecognised]) {
      const verdict = evaluateCertificate({ ...g.extraction, reading }, requirements, unconfirmed);
      expect(verdict.outcome, `${reading.layout}/${reading.coverage}`).toBe('needs_review');
      const fromGrid = verdict.deficiencies.filter((x) => reading.layout === 'unrecognised' || x.field?.startsWith('/policies'));
      expect(fromGrid).toEqual([]);
    }
    const finished = evaluateCertificate({ ...g.extraction, reading: unrecognised }, requirements, { ...unconfirmed, reviewFinished: true });
    expect(finished.deficiencies).toEqual([]);
  });
});
