// Where each value is read from, on the official form. Regions are the measured fields grown to
// the cell they sit in: fillers do not keep to the field's own line (an agency system centres a
// policy number in its section, or starts a name a line higher).
import type { LimitKey } from '../../contracts/extraction';
import type { Box } from '../words';
import { fieldBox } from './geometry';

const f = fieldBox;
const span = (a: Box, b: Box): Box => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

export const header = {
  date: [505, 739, 596, 758.5] as Box,
  certificateNumber: [256.6, 538.5, 424.5, 553] as Box,
  revisionNumber: [507.5, 538.5, 596, 553] as Box,
  producer: [18, 610, 306, 662.5] as Box,
  contact: [339, 659.3, 596, 673] as Box,
  phone: [331, 646.5, 485.5, 659.3] as Box,
  fax: [497.9, 646.5, 596, 659.3] as Box,
  email: [330, 634.5, 596, 646.5] as Box,
  insured: [18, 549, 306, 602.5] as Box,
  remarks: [18, 138.5, 596, 218.7] as Box,
  holder: [18, 44, 306, 132] as Box,
};

export const insurerLetters = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** One insurer row: the name beside "INSURER X :", the NAIC code at the right. */
export function insurerRow(letter: (typeof insurerLetters)[number]): { name: Box; naic: Box } {
  const name = f(`Insurer_FullName_${letter}`);
  const naic = f(`Insurer_NAICCode_${letter}`);
  return { name: [345.6, name[1] - 0.5, 539, name[3] + 0.5], naic: [539, naic[1] - 0.5, 596, naic[3] + 0.5] };
}

/** The coverage grid's columns, left to right. */
export const columns = {
  letter: [16, 36] as const,
  type: [36, 176] as const,
  addl: [176, 194] as const,
  subr: [194, 212] as const,
  number: [212, 331] as const,
  eff: [331, 378] as const,
  exp: [378, 425] as const,
  limitLabel: [425, 516] as const,
  amount: [516, 598] as const,
};

export type SectionKind = 'general_liability' | 'automobile_liability' | 'umbrella' | 'workers_compensation' | 'other';

export interface Section {
  kind: SectionKind;
  top: number;
  bottom: number;
  /** The printed limits and the row each is written on. */
  limits: { key: LimitKey; row: Box }[];
  /** A row whose limit label the filler writes in, with its amount. */
  extra: { label: Box; amount: Box } | null;
  checks: Record<string, Box>;
}

const limit = (key: LimitKey, field: string) => ({ key, row: f(field) });
const extraRow = (label: string, amount: string) => ({ label: f(label), amount: f(amount) });

export const sections: Section[] = [
  {
    kind: 'general_liability',
    top: 492,
    bottom: 408,
    limits: [
      limit('eachOccurrence', 'GeneralLiability_EachOccurrence_LimitAmount_A'),
      limit('damageToRentedPremises', 'GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount_A'),
      limit('medicalExpense', 'GeneralLiability_MedicalExpense_EachPersonLimitAmount_A'),
      limit('personalAdvertisingInjury', 'GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount_A'),
      limit('generalAggregate', 'GeneralLiability_GeneralAggregate_LimitAmount_A'),
      limit('productsCompletedOperationsAggregate', 'GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A'),
    ],
    extra: extraRow('GeneralLiability_OtherCoverageLimitDescription_A', 'GeneralLiability_OtherCoverageLimitAmount_A'),
    checks: {
      claims_made: f('GeneralLiability_ClaimsMadeIndicator_A'),
      occurrence: f('GeneralLiability_OccurrenceIndicator_A'),
      policy: f('GeneralLiability_GeneralAggregate_LimitAppliesPerPolicyIndicator_A'),
      project: f('GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator_A'),
      location: f('GeneralLiability_GeneralAggregate_LimitAppliesPerLocationIndicator_A'),
      other: f('GeneralLiability_GeneralAggregate_LimitAppliesToOtherIndicator_A'),
      writeInA: span(f('GeneralLiability_OtherCoverageIndicator_A'), f('GeneralLiability_OtherCoverageDescription_A')),
      writeInB: span(f('GeneralLiability_OtherCoverageIndicator_B'), f('GeneralLiability_OtherCoverageDescription_B')),
    },
  },
  {
    kind: 'automobile_liability',
    top: 408,
    bottom: 348,
    limits: [
      limit('combinedSingleLimit', 'Vehicle_CombinedSingleLimit_EachAccidentAmount_A'),
      limit('bodilyInjuryPerPerson', 'Vehicle_BodilyInjury_PerPersonLimitAmount_A'),
      limit('bodilyInjuryPerAccident', 'Vehicle_BodilyInjury_PerAccidentLimitAmount_A'),
      limit('propertyDamagePerAccident', 'Vehicle_PropertyDamage_PerAccidentLimitAmount_A'),
    ],
    extra: extraRow('Vehicle_OtherCoverage_CoverageDescription_A', 'Vehicle_OtherCoverage_LimitAmount_A'),
    checks: {
      any_auto: f('Vehicle_AnyAutoIndicator_A'),
      owned_autos: f('Vehicle_AllOwnedAutosIndicator_A'),
      scheduled_autos: f('Vehicle_ScheduledAutosIndicator_A'),
      hired_autos: f('Vehicle_HiredAutosIndicator_A'),
      non_owned_autos: f('Vehicle_NonOwnedAutosIndicator_A'),
      otherA: f('Vehicle_OtherCoveredAutoIndicator_A'),
      otherB: f('Vehicle_OtherCoveredAutoIndicator_B'),
    },
  },
  {
    kind: 'umbrella',
    top: 348,
    bottom: 312,
    limits: [
      limit('eachOccurrence', 'ExcessUmbrella_Umbrella_EachOccurrenceAmount_A'),
      limit('aggregate', 'ExcessUmbrella_Umbrella_AggregateAmount_A'),
    ],
    extra: extraRow('ExcessUmbrella_OtherCoverageDescription_A', 'ExcessUmbrella_OtherCoverageLimitAmount_A'),
    checks: {
      umbrella: f('Policy_PolicyType_UmbrellaIndicator_A'),
      excess: f('Policy_PolicyType_ExcessIndicator_A'),
      occurrence: f('ExcessUmbrella_OccurrenceIndicator_A'),
      claims_made: f('ExcessUmbrella_ClaimsMadeIndicator_A'),
      deductible: f('ExcessUmbrella_DeductibleIndicator_A'),
      retention: f('ExcessUmbrella_RetentionIndicator_A'),
      amount: [125, 312, 176, 324],
    },
  },
  {
    kind: 'workers_compensation',
    top: 312,
    bottom: 264,
    limits: [
      limit('employersLiabilityEachAccident', 'WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A'),
      limit('employersLiabilityDiseaseEachEmployee', 'WorkersCompensationEmployersLiability_EmployersLiability_DiseaseEachEmployeeLimitAmount_A'),
      limit('employersLiabilityDiseasePolicyLimit', 'WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount_A'),
    ],
    extra: null,
    checks: {
      statutory: f('WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A'),
      otherLimit: f('WorkersCompensationEmployersLiability_OtherCoverageIndicator_A'),
      excluded: [150, 279, 176, 296],
    },
  },
  { kind: 'other', top: 264, bottom: 221.5, limits: [], extra: null, checks: {} },
];

export const gridTop = 492;
export const gridBottom = 221.5;
