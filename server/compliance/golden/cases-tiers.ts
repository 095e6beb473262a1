import type { CaseDef } from './case-types';
import { policy } from './case-types';

// Tier choice by trade and by subcontract value, and the scope-driven lines.

function highHazardLimits(e: Parameters<NonNullable<CaseDef['change']>>[0]): void {
  const gl = policy(e, 'general_liability');
  gl.limits = { ...gl.limits, eachOccurrence: 2_000_000, generalAggregate: 4_000_000, productsCompletedOperationsAggregate: 4_000_000 };
  policy(e, 'umbrella_liability').limits = { eachOccurrence: 10_000_000, aggregate: 10_000_000 };
}

export const tierCases: CaseDef[] = [
  {
    name: 'tier-trade-high-hazard-short',
    about: 'Roofing needs GL 2/4/4 and a $10M umbrella; standard limits fall short five times.',
    context: { trade: 'Roofing' },
    want: {
      outcome: 'deficient',
      d: ['limit_below_minimum', 'limit_below_minimum', 'limit_below_minimum', 'limit_below_minimum', 'limit_below_minimum'],
      r: [],
      tier: 'High hazard',
    },
  },
  {
    name: 'tier-trade-high-hazard-meets',
    about: 'Roofing with GL 2/4/4 and a $10M umbrella.',
    context: { trade: 'roofing' },
    change: highHazardLimits,
    want: { outcome: 'compliant', d: [], r: [], tier: 'High hazard' },
  },
  {
    name: 'tier-value-high',
    about: 'A $3M mechanical subcontract is high hazard by value; GL occurrence $1M and the $10M umbrella has no spare limit.',
    context: { commitmentValue: 3_000_000 },
    change: (e) => {
      highHazardLimits(e);
      policy(e, 'general_liability').limits.eachOccurrence = 1_000_000;
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [], tier: 'High hazard' },
  },
  {
    name: 'tier-value-light-no-umbrella',
    about: 'A $100K subcontract (light tier) needs no umbrella and accepts $500K EL.',
    context: { commitmentValue: 100_000 },
    change: (e) => {
      e.policies = e.policies.filter((p) => p.line !== 'umbrella_liability');
      e.insurers = e.insurers.filter((i) => i.letter !== 'D');
      policy(e, 'workers_compensation').limits = {
        employersLiabilityEachAccident: 500_000,
        employersLiabilityDiseaseEachEmployee: 500_000,
        employersLiabilityDiseasePolicyLimit: 500_000,
      };
      e.descriptionOfOperations = (e.descriptionOfOperations ?? '').replace(/ Umbrella follows form[^.]*\./, '').replace(', umbrella and', ' and');
    },
    want: { outcome: 'compliant', d: [], r: [], tier: 'Light trade' },
  },
  {
    name: 'tier-standard-without-umbrella',
    about: 'The same certificate for an $850K subcontract (standard tier): umbrella and EL fall short.',
    change: (e) => {
      e.policies = e.policies.filter((p) => p.line !== 'umbrella_liability');
      e.insurers = e.insurers.filter((i) => i.letter !== 'D');
      policy(e, 'workers_compensation').limits = {
        employersLiabilityEachAccident: 500_000,
        employersLiabilityDiseaseEachEmployee: 500_000,
        employersLiabilityDiseasePolicyLimit: 500_000,
      };
    },
    want: { outcome: 'deficient', d: ['line_missing', 'limit_below_minimum', 'limit_below_minimum', 'limit_below_minimum'], r: [], tier: null },
  },
  {
    name: 'tier-trade-light',
    about: 'Painting is a light trade whatever the value below $2M: no umbrella needed.',
    context: { trade: 'Painting', commitmentValue: 900_000 },
    change: (e) => {
      e.policies = e.policies.filter((p) => p.line !== 'umbrella_liability');
    },
    want: { outcome: 'compliant', d: [], r: [], tier: 'Light trade' },
  },
  {
    name: 'tier-first-listed-wins',
    about: 'A painter with a $3M subcontract: the high-hazard tier is listed first and applies.',
    context: { trade: 'Painting', commitmentValue: 3_000_000 },
    change: highHazardLimits,
    want: { outcome: 'compliant', d: [], r: [], tier: 'High hazard' },
  },
  {
    name: 'professional-and-pollution',
    about: 'Scope-driven lines from the "other" row: professional short on each claim, pollution missing.',
    requirements: (s) => {
      s.lines.professional_liability = { required: true, minimums: { eachOccurrence: 2_000_000, aggregate: 2_000_000 } };
      s.lines.pollution_liability = { required: true, minimums: { eachOccurrence: 1_000_000 } };
    },
    change: (e) => {
      e.insurers.push({ letter: 'E', name: 'Granite State Casualty Company', naic: '23817' });
      e.policies.push({
        line: 'other',
        description: 'Professional Liability (claims made)',
        insurerLetter: 'E',
        policyNumber: 'PL-20931',
        effectiveDate: '2025-01-01',
        expirationDate: '2026-01-01',
        additionalInsured: false,
        subrogationWaived: false,
        limits: { other: [{ label: 'Each Claim', amount: 1_000_000 }, { label: 'Aggregate', amount: 2_000_000 }] },
      });
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum', 'line_missing'], r: [] },
  },
];
