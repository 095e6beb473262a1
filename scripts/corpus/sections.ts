// The coverage sections of the form: their rows and the fillable form's field names for each.
import type { LimitKey, Policy } from '../../server/contracts/extraction';

export type Section = 'gl' | 'auto' | 'umbrella' | 'wc' | 'other';

export function sectionOf(p: Policy): Section {
  if (p.line === 'general_liability') return 'gl';
  if (p.line === 'automobile_liability') return 'auto';
  if (p.line === 'umbrella_liability' || p.line === 'excess_liability') return 'umbrella';
  if (p.line === 'workers_compensation') return 'wc';
  return 'other';
}

/** The rows of each section on the measured grid: top edge and number of 12 pt rows. */
export const sectionRows: Record<Section, { top: number; rows: number }> = {
  gl: { top: 492, rows: 7 },
  auto: { top: 408, rows: 5 },
  umbrella: { top: 348, rows: 3 },
  wc: { top: 312, rows: 4 },
  other: { top: 264, rows: 3 },
};

interface SectionFields {
  letter: string;
  addl?: string;
  subr: string;
  number: string;
  eff: string;
  exp: string;
  description?: string;
  limits: Partial<Record<LimitKey, string>>;
  /** The write-in limit line: label field and amount field. */
  writeIn?: [string, string];
  checks: (p: Policy) => Record<string, boolean>;
}

const dated = (prefix: string) => ({
  number: `${prefix}_PolicyNumberIdentifier_A`,
  eff: `${prefix}_EffectiveDate_A`,
  exp: `${prefix}_ExpirationDate_A`,
});

const gl: SectionFields = {
  letter: 'GeneralLiability_InsurerLetterCode_A',
  addl: 'CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode_A',
  subr: 'Policy_GeneralLiability_SubrogationWaivedCode_A',
  ...dated('Policy_GeneralLiability'),
  limits: {
    eachOccurrence: 'GeneralLiability_EachOccurrence_LimitAmount_A',
    damageToRentedPremises: 'GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount_A',
    medicalExpense: 'GeneralLiability_MedicalExpense_EachPersonLimitAmount_A',
    personalAdvertisingInjury: 'GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount_A',
    generalAggregate: 'GeneralLiability_GeneralAggregate_LimitAmount_A',
    productsCompletedOperationsAggregate: 'GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A',
  },
  writeIn: ['GeneralLiability_OtherCoverageLimitDescription_A', 'GeneralLiability_OtherCoverageLimitAmount_A'],
  checks: (p) => ({
    GeneralLiability_CoverageIndicator_A: true,
    GeneralLiability_ClaimsMadeIndicator_A: p.basis === 'claims_made',
    GeneralLiability_OccurrenceIndicator_A: p.basis === 'occurrence',
    GeneralLiability_GeneralAggregate_LimitAppliesPerPolicyIndicator_A: p.aggregateAppliesPer === 'policy',
    GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator_A: p.aggregateAppliesPer === 'project',
    GeneralLiability_GeneralAggregate_LimitAppliesPerLocationIndicator_A: p.aggregateAppliesPer === 'location',
    GeneralLiability_GeneralAggregate_LimitAppliesToOtherIndicator_A: p.aggregateAppliesPer === 'other',
  }),
};

const auto: SectionFields = {
  letter: 'Vehicle_InsurerLetterCode_A',
  addl: 'CertificateOfInsurance_AutomobileLiability_AdditionalInsuredCode_A',
  subr: 'Policy_AutomobileLiability_SubrogationWaivedCode_A',
  ...dated('Policy_AutomobileLiability'),
  limits: {
    combinedSingleLimit: 'Vehicle_CombinedSingleLimit_EachAccidentAmount_A',
    bodilyInjuryPerPerson: 'Vehicle_BodilyInjury_PerPersonLimitAmount_A',
    bodilyInjuryPerAccident: 'Vehicle_BodilyInjury_PerAccidentLimitAmount_A',
    propertyDamagePerAccident: 'Vehicle_PropertyDamage_PerAccidentLimitAmount_A',
  },
  writeIn: ['Vehicle_OtherCoverage_CoverageDescription_A', 'Vehicle_OtherCoverage_LimitAmount_A'],
  checks: (p) => {
    const on = (s: NonNullable<Policy['autoSymbols']>[number]) => p.autoSymbols?.includes(s) ?? false;
    return {
      Vehicle_AnyAutoIndicator_A: on('any_auto'),
      Vehicle_AllOwnedAutosIndicator_A: on('owned_autos'),
      Vehicle_ScheduledAutosIndicator_A: on('scheduled_autos'),
      Vehicle_HiredAutosIndicator_A: on('hired_autos'),
      Vehicle_NonOwnedAutosIndicator_A: on('non_owned_autos'),
    };
  },
};

const umbrella: SectionFields = {
  letter: 'ExcessUmbrella_InsurerLetterCode_A',
  addl: 'CertificateOfInsurance_ExcessLiability_AdditionalInsuredCode_A',
  subr: 'Policy_ExcessLiability_SubrogationWaivedCode_A',
  ...dated('Policy_ExcessLiability'),
  limits: { eachOccurrence: 'ExcessUmbrella_Umbrella_EachOccurrenceAmount_A', aggregate: 'ExcessUmbrella_Umbrella_AggregateAmount_A' },
  writeIn: ['ExcessUmbrella_OtherCoverageDescription_A', 'ExcessUmbrella_OtherCoverageLimitAmount_A'],
  checks: (p) => ({
    Policy_PolicyType_UmbrellaIndicator_A: p.line === 'umbrella_liability',
    Policy_PolicyType_ExcessIndicator_A: p.line === 'excess_liability',
    ExcessUmbrella_OccurrenceIndicator_A: p.basis === 'occurrence',
    ExcessUmbrella_ClaimsMadeIndicator_A: p.basis === 'claims_made',
    ExcessUmbrella_DeductibleIndicator_A: p.retentionOrDeductible?.kind === 'deductible',
    ExcessUmbrella_RetentionIndicator_A: p.retentionOrDeductible?.kind === 'retention',
  }),
};

const wc: SectionFields = {
  letter: 'WorkersCompensationEmployersLiability_InsurerLetterCode_A',
  subr: 'Policy_WorkersCompensation_SubrogationWaivedCode_A',
  ...dated('Policy_WorkersCompensationAndEmployersLiability'),
  limits: {
    employersLiabilityEachAccident: 'WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A',
    employersLiabilityDiseaseEachEmployee: 'WorkersCompensationEmployersLiability_EmployersLiability_DiseaseEachEmployeeLimitAmount_A',
    employersLiabilityDiseasePolicyLimit: 'WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount_A',
  },
  checks: (p) => ({
    WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A: p.statutory === true,
    WorkersCompensationEmployersLiability_OtherCoverageIndicator_A: p.statutory === false,
  }),
};

const other: SectionFields = {
  letter: 'OtherPolicy_InsurerLetterCode_A',
  addl: 'CertificateOfInsurance_OtherPolicy_AdditionalInsuredCode_A',
  subr: 'OtherPolicy_SubrogationWaivedCode_A',
  number: 'OtherPolicy_PolicyNumberIdentifier_A',
  eff: 'OtherPolicy_PolicyEffectiveDate_A',
  exp: 'OtherPolicy_PolicyExpirationDate_A',
  description: 'OtherPolicy_OtherPolicyDescription_A',
  limits: {},
  checks: () => ({}),
};

export const sectionFields: Record<Section, SectionFields> = { gl, auto, umbrella, wc, other };
