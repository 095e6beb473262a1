import { describe, expect, it } from 'vitest';
import type { Extraction } from '../contracts/extraction';
import { extractionSchema } from '../contracts/extraction';
import { defaultRequirements } from './default-requirements';
import { evaluateCertificate, summariseVerdict } from './evaluate';
import { baseContext, baseExtraction } from './golden/base';

const context = { ...baseContext, carriers: undefined };

/** Every policy property the schema lets be null, one at a time. */
const nullablePolicyKeys = [
  'insurerLetter', 'policyNumber', 'effectiveDate', 'expirationDate', 'additionalInsured', 'subrogationWaived',
  'basis', 'aggregateAppliesPer', 'statutory', 'excludedOfficers', 'retentionOrDeductible', 'description',
] as const;
const nullableTopKeys = ['edition', 'certificateDate', 'certificateNumber', 'descriptionOfOperations'] as const;

describe('evaluateCertificate robustness', () => {
  it('never throws and never guesses when any single value is missing', () => {
    const variants: Extraction[] = [];
    baseExtraction().policies.forEach((_p, i) => {
      for (const key of nullablePolicyKeys) {
        const e = baseExtraction();
        const policy = e.policies[i];
        if (policy) (policy as Record<string, unknown>)[key] = null;
        variants.push(e);
      }
    });
    for (const key of nullableTopKeys) {
      const e = baseExtraction();
      e[key] = null;
      variants.push(e);
    }
    for (const e of variants) {
      expect(extractionSchema.safeParse(e).success).toBe(true);
      const verdict = evaluateCertificate(e, defaultRequirements, context);
      expect(['compliant', 'deficient', 'needs_review']).toContain(verdict.outcome);
      for (const d of verdict.deficiencies) expect(d.message).toMatch(/^[A-Z"].*[.]$/);
    }
  });

  it('reports every required line on a blank ACORD 25 as missing', () => {
    const e: Extraction = {
      ...baseExtraction(),
      insurers: [],
      policies: [],
      endorsementForms: [],
      descriptionOfOperations: null,
      fields: {},
    };
    const verdict = evaluateCertificate(e, defaultRequirements, context);
    expect(verdict.outcome).toBe('deficient');
    expect(verdict.deficiencies.filter((d) => d.code === 'line_missing').map((d) => d.line)).toEqual([
      'general_liability',
      'automobile_liability',
      'umbrella_liability',
      'workers_compensation',
      'employers_liability',
    ]);
    expect(verdict.deficiencies.map((d) => d.code)).toContain('description_missing_wording');
  });
});

describe('summariseVerdict', () => {
  it('says what kind of attention a verdict needs', () => {
    const ok = evaluateCertificate(baseExtraction(), defaultRequirements, context);
    expect(summariseVerdict(ok)).toBe('Meets the requirements.');
    const short = baseExtraction();
    const auto = short.policies[1];
    if (auto) auto.expirationDate = '2025-03-01';
    expect(summariseVerdict(evaluateCertificate(short, defaultRequirements, context))).toBe('1 problem: automobile liability.');
    const unread = baseExtraction();
    unread.form = null;
    expect(summariseVerdict(evaluateCertificate(unread, defaultRequirements, context))).toBe('Needs a person to check 1 point.');
  });
});
