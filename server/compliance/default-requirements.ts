import { requirementSetSchema, type RequirementSet } from '../contracts/requirements';

// A typical commercial general contractor's template (coi-domain.md 4.1), for companies
// that have not written their own. Tiers: high-hazard trades or subcontracts of $2M and
// more need GL 2/4/4 and a $10M umbrella; light trades or subcontracts under $250K need
// no umbrella and $500K employers' liability. High hazard is listed first so it wins
// when a light trade carries a large subcontract.

const additionalInsuredForms = {
  label: 'Additional insured (ongoing and completed operations)',
  anyOf: [
    ['CG 20 10', 'CG 20 37'],
    ['CG 20 33', 'CG 20 39'],
    ['CG 20 38', 'CG 20 40'],
  ],
};

export const highHazardTrades = [
  'Roofing',
  'Demolition',
  'Excavation',
  'Steel erection',
  'Structural steel',
  'Crane',
  'Crane rental',
  'Scaffolding',
  'Scaffold',
  'Elevator',
  'Elevators',
];

export const lightTrades = [
  'Painting',
  'Flooring',
  'Carpet',
  'Tile',
  'Millwork',
  'Signage',
  'Wall coverings',
  'Window treatments',
  'Final cleaning',
  'Janitorial',
  'Landscaping',
  'Toilet accessories',
];

export const defaultRequirements: RequirementSet = requirementSetSchema.parse({
  name: 'Commercial GC standard',
  lines: {
    general_liability: {
      required: true,
      minimums: {
        eachOccurrence: 1_000_000,
        personalAdvertisingInjury: 1_000_000,
        generalAggregate: 2_000_000,
        productsCompletedOperationsAggregate: 2_000_000,
      },
      occurrenceRequired: true,
      perProjectAggregateRequired: true,
      additionalInsuredRequired: true,
      waiverOfSubrogationRequired: true,
      primaryNonContributoryRequired: true,
      endorsements: [additionalInsuredForms],
    },
    automobile_liability: {
      required: true,
      minimums: { combinedSingleLimit: 1_000_000 },
      additionalInsuredRequired: true,
      waiverOfSubrogationRequired: true,
      autoSymbols: [['any_auto'], ['owned_autos', 'hired_autos', 'non_owned_autos']],
    },
    umbrella_liability: {
      required: true,
      minimums: { eachOccurrence: 5_000_000, aggregate: 5_000_000 },
      occurrenceRequired: true,
      followFormRequired: true,
      waiverOfSubrogationRequired: true,
    },
    workers_compensation: { required: true, statutoryRequired: true, waiverOfSubrogationRequired: true },
    employers_liability: {
      required: true,
      minimums: {
        employersLiabilityEachAccident: 1_000_000,
        employersLiabilityDiseaseEachEmployee: 1_000_000,
        employersLiabilityDiseasePolicyLimit: 1_000_000,
      },
    },
  },
  minimumAmBest: 'A- VII',
  certificateHolder: null,
  descriptionMustContain: [],
  descriptionMustNameProject: true,
  minimumDaysRemaining: 30,
  umbrellaMayTopUp: true,
  flagSurplusLines: true,
  unratedCarrier: 'review',
  tiers: [
    {
      name: 'High hazard',
      trades: highHazardTrades,
      commitmentValue: { min: 2_000_000 },
      lines: {
        general_liability: {
          minimums: { eachOccurrence: 2_000_000, generalAggregate: 4_000_000, productsCompletedOperationsAggregate: 4_000_000 },
        },
        umbrella_liability: { minimums: { eachOccurrence: 10_000_000, aggregate: 10_000_000 } },
      },
    },
    {
      name: 'Light trade',
      trades: lightTrades,
      commitmentValue: { max: 250_000 },
      lines: {
        umbrella_liability: { required: false },
        employers_liability: {
          minimums: {
            employersLiabilityEachAccident: 500_000,
            employersLiabilityDiseaseEachEmployee: 500_000,
            employersLiabilityDiseasePolicyLimit: 500_000,
          },
        },
      },
    },
  ],
});
