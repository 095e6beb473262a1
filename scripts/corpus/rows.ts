import type { Policy } from '../../server/contracts/extraction';
import { boxed, type Grid, type RowSpec } from './coverages';
import type { Truth } from './facts';
import { printedAmount } from './format';

function prefix(letter: string, ai: string, wos: string, policy: string): RowSpec['prefix'] {
  return {
    letter,
    ai,
    wos,
    number: `${policy}_PolicyNumberIdentifier_A`,
    eff: policy === 'OtherPolicy' ? 'OtherPolicy_PolicyEffectiveDate_A' : `${policy}_EffectiveDate_A`,
    exp: policy === 'OtherPolicy' ? 'OtherPolicy_PolicyExpirationDate_A' : `${policy}_ExpirationDate_A`,
  };
}

function general(p: Policy | undefined, shuffle: number): RowSpec {
  const l = p?.limits ?? {};
  const labels: RowSpec['limits'] = [
    ['EACH OCCURRENCE', 'GeneralLiability_EachOccurrence_LimitAmount_A', l.eachOccurrence],
    ['DAMAGE TO RENTED PREMISES (Ea occurrence)', 'GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount_A', l.damageToRentedPremises],
    ['MED EXP (Any one person)', 'GeneralLiability_MedicalExpense_EachPersonLimitAmount_A', l.medicalExpense],
    ['PERSONAL & ADV INJURY', 'GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount_A', l.personalAdvertisingInjury],
    ['GENERAL AGGREGATE', 'GeneralLiability_GeneralAggregate_LimitAmount_A', l.generalAggregate],
    ['PRODUCTS - COMP/OP AGG', 'GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A', l.productsCompletedOperationsAggregate],
  ];
  // Agency systems reorder these lines; the reader must key on the words, not the position.
  const ordered = shuffle % 3 === 0 ? [...labels.slice(3), ...labels.slice(0, 3)] : labels;
  const other = l.other?.[0];
  return {
    prefix: prefix('GeneralLiability_InsurerLetterCode_A', 'CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode_A', 'Policy_GeneralLiability_SubrogationWaivedCode_A', 'Policy_GeneralLiability'),
    lines: 7,
    policy: p,
    limits: [...ordered, [other?.label ?? '', 'GeneralLiability_OtherCoverageLimitAmount_A', other?.amount, 'GeneralLiability_OtherCoverageLimitDescription_A']],
    typeText: (g, top) => {
      const x = g.x.type + 3;
      boxed(g, 'GeneralLiability_CoverageIndicator_A', !!p, 'COMMERCIAL GENERAL LIABILITY', x, top(0));
      const after = boxed(g, 'GeneralLiability_ClaimsMadeIndicator_A', p?.basis === 'claims_made', 'CLAIMS-MADE', x + 8, top(1));
      boxed(g, 'GeneralLiability_OccurrenceIndicator_A', p?.basis === 'occurrence', 'OCCUR', after + 8, top(1));
      g.sheet.label("GEN'L AGGREGATE LIMIT APPLIES PER:", x, top(4));
      const per = p?.aggregateAppliesPer;
      let at = boxed(g, 'GeneralLiability_GeneralAggregate_LimitAppliesPerPolicyIndicator_A', per === 'policy', 'POLICY', x, top(5));
      at = boxed(g, 'GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator_A', per === 'project', 'PRO-JECT', at + 8, top(5));
      boxed(g, 'GeneralLiability_GeneralAggregate_LimitAppliesPerLocationIndicator_A', per === 'location', 'LOC', at + 8, top(5));
      boxed(g, 'GeneralLiability_GeneralAggregate_LimitAppliesToOtherIndicator_A', per === 'other', 'OTHER:', x, top(6));
    },
  };
}

function auto(p: Policy | undefined, edition: string): RowSpec {
  const l = p?.limits ?? {};
  const on = (s: NonNullable<Policy['autoSymbols']>[number]) => !!p?.autoSymbols?.includes(s);
  const only = edition === '2016/03';
  return {
    prefix: prefix('Vehicle_InsurerLetterCode_A', 'CertificateOfInsurance_AutomobileLiability_AdditionalInsuredCode_A', 'Policy_AutomobileLiability_SubrogationWaivedCode_A', 'Policy_AutomobileLiability'),
    lines: 5,
    policy: p,
    limits: [
      ['COMBINED SINGLE LIMIT (Ea accident)', 'Vehicle_CombinedSingleLimit_EachAccidentAmount_A', l.combinedSingleLimit],
      ['BODILY INJURY (Per person)', 'Vehicle_BodilyInjury_PerPersonLimitAmount_A', l.bodilyInjuryPerPerson],
      ['BODILY INJURY (Per accident)', 'Vehicle_BodilyInjury_PerAccidentLimitAmount_A', l.bodilyInjuryPerAccident],
      ['PROPERTY DAMAGE (Per accident)', 'Vehicle_PropertyDamage_PerAccidentLimitAmount_A', l.propertyDamagePerAccident],
    ],
    typeText: (g, top) => {
      const x = g.x.type + 3;
      const half = x + (g.x.addl - g.x.type) * 0.48;
      g.sheet.label('AUTOMOBILE LIABILITY', x, top(0), { bold: true });
      boxed(g, 'Vehicle_AnyAutoIndicator_A', on('any_auto'), 'ANY AUTO', x, top(1));
      boxed(g, 'Vehicle_AllOwnedAutosIndicator_A', on('owned_autos'), only ? 'OWNED AUTOS ONLY' : 'ALL OWNED AUTOS', x, top(2));
      boxed(g, 'Vehicle_ScheduledAutosIndicator_A', on('scheduled_autos'), 'SCHEDULED AUTOS', half, top(2));
      boxed(g, 'Vehicle_HiredAutosIndicator_A', on('hired_autos'), only ? 'HIRED AUTOS ONLY' : 'HIRED AUTOS', x, top(3));
      boxed(g, 'Vehicle_NonOwnedAutosIndicator_A', on('non_owned_autos'), only ? 'NON-OWNED AUTOS ONLY' : 'NON-OWNED AUTOS', half, top(3));
    },
  };
}

function umbrella(p: Policy | undefined, g0: { salt: number }): RowSpec {
  const l = p?.limits ?? {};
  const rd = p?.retentionOrDeductible;
  return {
    prefix: prefix('ExcessUmbrella_InsurerLetterCode_A', 'CertificateOfInsurance_ExcessLiability_AdditionalInsuredCode_A', 'Policy_ExcessLiability_SubrogationWaivedCode_A', 'Policy_ExcessLiability'),
    lines: 3,
    policy: p,
    limits: [
      ['EACH OCCURRENCE', 'ExcessUmbrella_Umbrella_EachOccurrenceAmount_A', l.eachOccurrence],
      ['AGGREGATE', 'ExcessUmbrella_Umbrella_AggregateAmount_A', l.aggregate],
    ],
    typeText: (g, top) => {
      const x = g.x.type + 3;
      const half = x + (g.x.addl - g.x.type) * 0.5;
      boxed(g, 'Policy_PolicyType_UmbrellaIndicator_A', p?.line === 'umbrella_liability', 'UMBRELLA LIAB', x, top(0));
      boxed(g, 'ExcessUmbrella_OccurrenceIndicator_A', p?.basis === 'occurrence', 'OCCUR', half, top(0));
      boxed(g, 'Policy_PolicyType_ExcessIndicator_A', p?.line === 'excess_liability', 'EXCESS LIAB', x, top(1));
      boxed(g, 'ExcessUmbrella_ClaimsMadeIndicator_A', p?.basis === 'claims_made', 'CLAIMS-MADE', half, top(1));
      const at = boxed(g, 'ExcessUmbrella_DeductibleIndicator_A', rd?.kind === 'deductible', 'DED', x, top(2));
      const end = boxed(g, 'ExcessUmbrella_RetentionIndicator_A', rd?.kind === 'retention', 'RETENTION $', at + 8, top(2));
      const amount = rd ? printedAmount(rd.amount, { ...g.sheet.style, dollar: 'none' }, g0.salt) : null;
      g.pen.value('ExcessUmbrella_Umbrella_DeductibleOrRetentionAmount_A', amount, end + 3, top(2), g.x.addl - end - 5);
    },
  };
}

function workers(p: Policy | undefined): RowSpec {
  const l = p?.limits ?? {};
  return {
    prefix: prefix('WorkersCompensationEmployersLiability_InsurerLetterCode_A', 'CertificateOfInsurance_WorkersCompensation_AdditionalInsuredCode_A', 'Policy_WorkersCompensation_SubrogationWaivedCode_A', 'Policy_WorkersCompensationAndEmployersLiability'),
    lines: 6,
    policy: p,
    limitsFrom: 1,
    limits: [
      ['E.L. EACH ACCIDENT', 'WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A', l.employersLiabilityEachAccident],
      ['E.L. DISEASE - EA EMPLOYEE', 'WorkersCompensationEmployersLiability_EmployersLiability_DiseaseEachEmployeeLimitAmount_A', l.employersLiabilityDiseaseEachEmployee],
      ['E.L. DISEASE - POLICY LIMIT', 'WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount_A', l.employersLiabilityDiseasePolicyLimit],
    ],
    typeText: (g, top) => {
      const x = g.x.type + 3;
      const s = g.sheet;
      const yn = g.x.addl - 24;
      s.label('WORKERS COMPENSATION', x, top(0), { bold: true });
      s.label("AND EMPLOYERS' LIABILITY", x, top(1), { bold: true });
      s.label('Y / N', yn, top(1), { width: 20, align: 'center' });
      s.label('ANY PROPRIETOR/PARTNER/EXECUTIVE', x, top(2), { width: yn - x - 4 });
      s.box(yn + 5, top(2) + 0.5, s.style.lineHeight * 1.6);
      const excluded = p?.excludedOfficers === true ? 'Y' : p?.excludedOfficers === false ? 'N' : null;
      g.pen.value('WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator_A', excluded, yn + 5, top(2) + 3, s.style.lineHeight * 1.6, 'center');
      s.label('OFFICER/MEMBER EXCLUDED?', x, top(3), { width: yn - x - 4 });
      s.label('(Mandatory in NH)', x, top(4));
      s.label('If yes, describe under DESCRIPTION OF OPERATIONS below', x, top(5), { width: g.x.addl - x - 4 });
      const at = boxed(g, 'WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A', !!p?.statutory, 'PER STATUTE', g.x.limits + 3, top(0));
      boxed(g, 'WorkersCompensationEmployersLiability_OtherCoverageIndicator_A', p ? !p.statutory : false, 'OTH-ER', at + 10, top(0));
    },
  };
}

function other(p: Policy | undefined): RowSpec {
  const items = p?.limits.other ?? [];
  return {
    prefix: prefix('OtherPolicy_InsurerLetterCode_A', 'CertificateOfInsurance_OtherPolicy_AdditionalInsuredCode_A', 'OtherPolicy_SubrogationWaivedCode_A', 'OtherPolicy'),
    lines: 3,
    policy: p,
    limits: items.map((item, i) => [item.label, `OtherPolicy_CoverageLimitAmount_${'ABC'[i]}`, item.amount, `OtherPolicy_CoverageCode_${'ABC'[i]}`]),
    typeText: (g, top) => {
      g.pen.value('OtherPolicy_OtherPolicyDescription_A', p?.description ?? null, g.x.type + 3, top(0), g.x.addl - g.x.type - 6);
    },
  };
}

export function rowSpecs(t: Truth, edition: string): RowSpec[] {
  const find = (...lines: Policy['line'][]) => t.policies.find((p) => lines.includes(p.line));
  const salt = (t.certificateHolder.name ?? '').length;
  return [
    general(find('general_liability'), salt),
    auto(find('automobile_liability'), edition),
    umbrella(find('umbrella_liability', 'excess_liability'), { salt }),
    workers(find('workers_compensation')),
    other(find('other')),
  ];
}

export type { Grid };
