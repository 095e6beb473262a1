import type { LimitKey, Policy } from '../contracts/extraction';

export type Kind = 'text' | 'date' | 'money' | 'flag' | 'check' | 'digits' | 'email' | 'yn' | 'letter';

/** Where a field's value goes: a top-level path, or a coverage row plus a property. */
export type Target =
  | { at: string; kind: Kind }
  | { line: Policy['line'] | 'umbrella'; at: string; kind: Kind };

const party = (prefix: string, at: string): Record<string, Target> => ({
  [`${prefix}_FullName`]: { at: `${at}/name`, kind: 'text' },
  [`${prefix}_MailingAddress_LineOne`]: { at: `${at}/address/line1`, kind: 'text' },
  [`${prefix}_MailingAddress_LineTwo`]: { at: `${at}/address/line2`, kind: 'text' },
  [`${prefix}_MailingAddress_CityName`]: { at: `${at}/address/city`, kind: 'text' },
  [`${prefix}_MailingAddress_StateOrProvinceCode`]: { at: `${at}/address/state`, kind: 'text' },
  [`${prefix}_MailingAddress_PostalCode`]: { at: `${at}/address/postalCode`, kind: 'text' },
});

function row(line: Policy['line'] | 'umbrella', names: Record<string, string>, limits: Record<string, LimitKey>) {
  const out: Record<string, Target> = {};
  for (const [name, at] of Object.entries(names)) {
    const kind: Kind = /Date$/.test(at) ? 'date' : /additionalInsured|subrogationWaived/.test(at) ? 'flag' : at === '/insurerLetter' ? 'letter' : /^\/(basis|per|auto|kind|statutory|umbrella|excess)/.test(at) ? 'check' : 'text';
    out[name] = { line, at, kind };
  }
  for (const [name, key] of Object.entries(limits)) out[name] = { line, at: `/limits/${key}`, kind: 'money' };
  return out;
}

const basics = (letter: string, ai: string, wos: string, policy: string, eff = 'EffectiveDate', exp = 'ExpirationDate') => ({
  [letter]: '/insurerLetter',
  [ai]: '/additionalInsured',
  [wos]: '/subrogationWaived',
  [`${policy}_PolicyNumberIdentifier`]: '/policyNumber',
  [`${policy}_${eff}`]: '/effectiveDate',
  [`${policy}_${exp}`]: '/expirationDate',
});

/** ACORD 25 leaf names (without the instance suffix) and what each holds. */
export const fieldMap: Record<string, Target> = {
  Form_CompletionDate: { at: '/certificateDate', kind: 'date' },
  CertificateOfInsurance_CertificateNumberIdentifier: { at: '/certificateNumber', kind: 'text' },
  CertificateOfInsurance_RevisionNumberIdentifier: { at: '/revisionNumber', kind: 'text' },
  ...party('Producer', '/producer'),
  Producer_ContactPerson_FullName: { at: '/producer/contactName', kind: 'text' },
  Producer_ContactPerson_PhoneNumber: { at: '/producer/phone', kind: 'digits' },
  Producer_FaxNumber: { at: '/producer/fax', kind: 'digits' },
  Producer_ContactPerson_EmailAddress: { at: '/producer/email', kind: 'email' },
  ...party('NamedInsured', '/insured'),
  ...party('CertificateHolder', '/certificateHolder'),
  CertificateOfLiabilityInsurance_ACORDForm_RemarkText: { at: '/descriptionOfOperations', kind: 'text' },
  ...row(
    'general_liability',
    {
      ...basics('GeneralLiability_InsurerLetterCode', 'CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode', 'Policy_GeneralLiability_SubrogationWaivedCode', 'Policy_GeneralLiability'),
      GeneralLiability_ClaimsMadeIndicator: '/basis/claims_made',
      GeneralLiability_OccurrenceIndicator: '/basis/occurrence',
      GeneralLiability_GeneralAggregate_LimitAppliesPerPolicyIndicator: '/per/policy',
      GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator: '/per/project',
      GeneralLiability_GeneralAggregate_LimitAppliesPerLocationIndicator: '/per/location',
      GeneralLiability_GeneralAggregate_LimitAppliesToOtherIndicator: '/per/other',
      GeneralLiability_OtherCoverageLimitDescription: '/otherLabel/0',
    },
    {
      GeneralLiability_EachOccurrence_LimitAmount: 'eachOccurrence',
      GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount: 'damageToRentedPremises',
      GeneralLiability_MedicalExpense_EachPersonLimitAmount: 'medicalExpense',
      GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount: 'personalAdvertisingInjury',
      GeneralLiability_GeneralAggregate_LimitAmount: 'generalAggregate',
      GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount: 'productsCompletedOperationsAggregate',
    },
  ),
  GeneralLiability_OtherCoverageLimitAmount: { line: 'general_liability', at: '/otherAmount/0', kind: 'money' },
  ...row(
    'automobile_liability',
    {
      ...basics('Vehicle_InsurerLetterCode', 'CertificateOfInsurance_AutomobileLiability_AdditionalInsuredCode', 'Policy_AutomobileLiability_SubrogationWaivedCode', 'Policy_AutomobileLiability'),
      Vehicle_AnyAutoIndicator: '/auto/any_auto',
      Vehicle_AllOwnedAutosIndicator: '/auto/owned_autos',
      Vehicle_ScheduledAutosIndicator: '/auto/scheduled_autos',
      Vehicle_HiredAutosIndicator: '/auto/hired_autos',
      Vehicle_NonOwnedAutosIndicator: '/auto/non_owned_autos',
    },
    {
      Vehicle_CombinedSingleLimit_EachAccidentAmount: 'combinedSingleLimit',
      Vehicle_BodilyInjury_PerPersonLimitAmount: 'bodilyInjuryPerPerson',
      Vehicle_BodilyInjury_PerAccidentLimitAmount: 'bodilyInjuryPerAccident',
      Vehicle_PropertyDamage_PerAccidentLimitAmount: 'propertyDamagePerAccident',
    },
  ),
  ...row(
    'umbrella',
    {
      ...basics('ExcessUmbrella_InsurerLetterCode', 'CertificateOfInsurance_ExcessLiability_AdditionalInsuredCode', 'Policy_ExcessLiability_SubrogationWaivedCode', 'Policy_ExcessLiability'),
      Policy_PolicyType_UmbrellaIndicator: '/umbrella',
      Policy_PolicyType_ExcessIndicator: '/excess',
      ExcessUmbrella_OccurrenceIndicator: '/basis/occurrence',
      ExcessUmbrella_ClaimsMadeIndicator: '/basis/claims_made',
      ExcessUmbrella_DeductibleIndicator: '/kind/deductible',
      ExcessUmbrella_RetentionIndicator: '/kind/retention',
    },
    { ExcessUmbrella_Umbrella_EachOccurrenceAmount: 'eachOccurrence', ExcessUmbrella_Umbrella_AggregateAmount: 'aggregate' },
  ),
  ExcessUmbrella_Umbrella_DeductibleOrRetentionAmount: { line: 'umbrella', at: '/retentionAmount', kind: 'money' },
  // Each section's spare limit row: a label the filler writes in, and its amount.
  Vehicle_OtherCoverage_CoverageDescription: { line: 'automobile_liability', at: '/otherLabel/0', kind: 'text' },
  Vehicle_OtherCoverage_LimitAmount: { line: 'automobile_liability', at: '/otherAmount/0', kind: 'money' },
  ExcessUmbrella_OtherCoverageDescription: { line: 'umbrella', at: '/otherLabel/0', kind: 'text' },
  ExcessUmbrella_OtherCoverageLimitAmount: { line: 'umbrella', at: '/otherAmount/0', kind: 'money' },
  ...row(
    'workers_compensation',
    {
      ...basics('WorkersCompensationEmployersLiability_InsurerLetterCode', 'CertificateOfInsurance_WorkersCompensation_AdditionalInsuredCode', 'Policy_WorkersCompensation_SubrogationWaivedCode', 'Policy_WorkersCompensationAndEmployersLiability'),
      WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator: '/statutory',
    },
    {
      WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount: 'employersLiabilityEachAccident',
      WorkersCompensationEmployersLiability_EmployersLiability_DiseaseEachEmployeeLimitAmount: 'employersLiabilityDiseaseEachEmployee',
      WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount: 'employersLiabilityDiseasePolicyLimit',
    },
  ),
  WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator: { line: 'workers_compensation', at: '/excludedOfficers', kind: 'yn' },
  ...row(
    'other',
    {
      ...basics('OtherPolicy_InsurerLetterCode', 'CertificateOfInsurance_OtherPolicy_AdditionalInsuredCode', 'OtherPolicy_SubrogationWaivedCode', 'OtherPolicy', 'PolicyEffectiveDate', 'PolicyExpirationDate'),
      OtherPolicy_OtherPolicyDescription: '/description',
    },
    {},
  ),
  OtherPolicy_CoverageCode: { line: 'other', at: '/otherLabel', kind: 'text' },
  OtherPolicy_CoverageLimitAmount: { line: 'other', at: '/otherAmount', kind: 'money' },
};

/** Leaf names that repeat with an instance suffix, in printed order. */
export const repeated = ['Insurer_FullName', 'Insurer_NAICCode', 'OtherPolicy_CoverageCode', 'OtherPolicy_CoverageLimitAmount'];

const lowerIndex = new Map(Object.keys(fieldMap).concat(repeated).map((k) => [k.toLowerCase(), k]));

/** "F[0].P1[0].Insurer_FullName_B[0]" -> { base: "Insurer_FullName", instance: "B" }. */
export function parseFieldName(name: string): { base: string; instance: string | null } | null {
  const leaf = (name.split('.').pop() ?? '').replace(/\[\d+\]$/, '');
  const m = /^(.*?)(?:_([A-F]|\d{1,4}))?$/i.exec(leaf);
  if (!m) return null;
  const base = lowerIndex.get(m[1]!.toLowerCase());
  if (!base) return null;
  const instance = m[2] && /^[A-F]$/i.test(m[2]) ? m[2].toUpperCase() : null;
  return { base, instance };
}
