import type { CaseDef } from './case-types';
import { policy, removeForm, removeRemark } from './case-types';

// Per-line rules: presence, insurer, limits, umbrella top-up, dates, form, flags, forms.

const followForm = 'Umbrella follows form over general liability, automobile liability and employers liability.';
const pnc = 'This insurance is primary and non-contributory.';
const perProject = 'General aggregate applies per project (CG 25 03).';

export const lineCases: CaseDef[] = [
  {
    name: 'line-missing-gl',
    about: 'No general liability row.',
    change: (e) => {
      e.policies = e.policies.filter((p) => p.line !== 'general_liability');
    },
    want: { outcome: 'deficient', d: ['line_missing'], r: [] },
  },
  {
    name: 'line-missing-wc-and-el',
    about: "No workers' compensation row: both WC and EL are missing.",
    change: (e) => {
      e.policies = e.policies.filter((p) => p.line !== 'workers_compensation');
    },
    want: { outcome: 'deficient', d: ['line_missing', 'line_missing'], r: [] },
  },
  {
    name: 'insurer-letter-unlisted',
    about: 'GL row points to insurer E, which the certificate does not name.',
    change: (e) => {
      policy(e, 'general_liability').insurerLetter = 'E';
    },
    want: { outcome: 'deficient', d: ['insurer_missing'], r: [] },
  },
  {
    name: 'excess-satisfies-umbrella',
    about: 'An excess liability row satisfies the umbrella requirement.',
    change: (e) => {
      policy(e, 'umbrella_liability').line = 'excess_liability';
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'limit-below-minimum-gl',
    about: 'GL each occurrence $500K; the umbrella has no spare limit above its own $5M requirement.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [] },
  },
  {
    name: 'limit-missing-gl',
    about: 'GL each occurrence blank: review rather than fail.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = null;
    },
    want: { outcome: 'needs_review', d: [], r: ['value_missing'] },
  },
  {
    name: 'umbrella-top-up-meets',
    about: 'GL $500K short by $500K; a $6M follow-form umbrella has $1M beyond its own requirement.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
      policy(e, 'umbrella_liability').limits = { eachOccurrence: 6_000_000, aggregate: 6_000_000 };
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'umbrella-top-up-employers-liability',
    about: 'EL each accident $500K made up by a $6M follow-form umbrella.',
    change: (e) => {
      policy(e, 'workers_compensation').limits.employersLiabilityEachAccident = 500_000;
      policy(e, 'umbrella_liability').limits = { eachOccurrence: 6_000_000, aggregate: 6_000_000 };
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'umbrella-top-up-falls-short',
    about: 'GL short by $500K; a $5.2M umbrella has only $200K spare.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
      policy(e, 'umbrella_liability').limits = { eachOccurrence: 5_200_000, aggregate: 5_200_000 };
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [] },
  },
  {
    name: 'umbrella-top-up-not-follow-form',
    about: 'Umbrella has room but is not shown to follow form: no top-up, and the umbrella itself fails follow-form.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
      policy(e, 'umbrella_liability').limits = { eachOccurrence: 6_000_000, aggregate: 6_000_000 };
      removeRemark(e, followForm);
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum', 'umbrella_not_follow_form'], r: [] },
  },
  {
    name: 'umbrella-top-up-other-period',
    about: 'Light tier (no umbrella required): an umbrella starting next year cannot top up this year’s GL.',
    context: { commitmentValue: 100_000 },
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
      const u = policy(e, 'umbrella_liability');
      u.effectiveDate = '2026-01-01';
      u.expirationDate = '2027-01-01';
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [], tier: 'Light trade' },
  },
  {
    name: 'umbrella-top-up-disabled',
    about: 'The set does not allow top-up: the shortfall stands even with a large umbrella.',
    requirements: (s) => {
      s.umbrellaMayTopUp = false;
    },
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
      policy(e, 'umbrella_liability').limits = { eachOccurrence: 10_000_000, aggregate: 10_000_000 };
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [] },
  },
  {
    name: 'umbrella-not-follow-form',
    about: 'Umbrella meets its limits but nothing says it follows form.',
    change: (e) => removeRemark(e, followForm),
    want: { outcome: 'deficient', d: ['umbrella_not_follow_form'], r: [] },
  },
  {
    name: 'claims-made-gl',
    about: 'GL written claims-made.',
    change: (e) => {
      policy(e, 'general_liability').basis = 'claims_made';
    },
    want: { outcome: 'deficient', d: ['claims_made'], r: [] },
  },
  {
    name: 'basis-unreadable',
    about: 'Neither OCCUR nor CLAIMS-MADE could be read on the GL row.',
    change: (e) => {
      policy(e, 'general_liability').basis = null;
    },
    want: { outcome: 'needs_review', d: [], r: ['value_missing'] },
  },
  {
    name: 'per-project-aggregate-missing',
    about: 'Aggregate per location (CG 25 04 is not equivalent) and no CG 25 03.',
    change: (e) => {
      policy(e, 'general_liability').aggregateAppliesPer = 'location';
      removeRemark(e, perProject);
      removeForm(e, 'CG 25 03');
      e.endorsementForms.push({ form: 'CG 25 04', edition: null });
    },
    want: { outcome: 'deficient', d: ['per_project_aggregate_missing'], r: [] },
  },
  {
    name: 'per-project-aggregate-by-endorsement',
    about: 'POLICY box ticked, but CG 25 03 makes the aggregate per project.',
    change: (e) => {
      policy(e, 'general_liability').aggregateAppliesPer = 'policy';
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'auto-symbols-insufficient',
    about: 'Hired and non-owned autos only.',
    change: (e) => {
      policy(e, 'automobile_liability').autoSymbols = ['hired_autos', 'non_owned_autos'];
    },
    want: { outcome: 'deficient', d: ['auto_symbols_insufficient'], r: [] },
  },
  {
    name: 'auto-symbols-owned-hired-non-owned',
    about: 'Owned + hired + non-owned is an accepted alternative to any auto.',
    change: (e) => {
      policy(e, 'automobile_liability').autoSymbols = ['owned_autos', 'hired_autos', 'non_owned_autos'];
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'auto-split-limits',
    about: 'Split BI/PD limits instead of a combined single limit: review.',
    change: (e) => {
      policy(e, 'automobile_liability').limits = { bodilyInjuryPerPerson: 500_000, bodilyInjuryPerAccident: 1_000_000, propertyDamagePerAccident: 500_000 };
    },
    want: { outcome: 'needs_review', d: [], r: ['auto_split_limits'] },
  },
  {
    name: 'policy-expired',
    about: 'Auto policy expired before today.',
    change: (e) => {
      const p = policy(e, 'automobile_liability');
      p.effectiveDate = '2024-03-01';
      p.expirationDate = '2025-03-01';
    },
    want: { outcome: 'deficient', d: ['policy_expired'], r: [] },
  },
  {
    name: 'policy-expires-soon',
    about: 'Auto policy ends in 15 days; 30 must remain.',
    change: (e) => {
      const p = policy(e, 'automobile_liability');
      p.effectiveDate = '2024-03-25';
      p.expirationDate = '2025-03-25';
    },
    want: { outcome: 'deficient', d: ['policy_expires_soon'], r: [] },
  },
  {
    name: 'policy-not-yet-effective',
    about: 'GL starts a month after the project does.',
    change: (e) => {
      const p = policy(e, 'general_liability');
      p.effectiveDate = '2025-05-01';
      p.expirationDate = '2026-05-01';
    },
    want: { outcome: 'deficient', d: ['policy_not_yet_effective'], r: [] },
  },
  {
    name: 'policy-starts-before-project',
    about: 'GL starts after today but before the project starts: fine.',
    change: (e) => {
      const p = policy(e, 'general_liability');
      p.effectiveDate = '2025-03-20';
      p.expirationDate = '2026-03-20';
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'policy-dates-inconsistent',
    about: 'Expiration before effective date: review.',
    change: (e) => {
      const p = policy(e, 'automobile_liability');
      p.effectiveDate = '2026-01-01';
      p.expirationDate = '2025-01-01';
    },
    want: { outcome: 'needs_review', d: [], r: ['dates_inconsistent'] },
  },
  {
    name: 'additional-insured-missing',
    about: 'ADDL INSD not marked on the auto row.',
    change: (e) => {
      policy(e, 'automobile_liability').additionalInsured = false;
    },
    want: { outcome: 'deficient', d: ['additional_insured_missing'], r: [] },
  },
  {
    name: 'waiver-missing-wc',
    about: "SUBR WVD not marked on the workers' compensation row.",
    change: (e) => {
      policy(e, 'workers_compensation').subrogationWaived = false;
    },
    want: { outcome: 'deficient', d: ['waiver_missing'], r: [] },
  },
  {
    name: 'primary-noncontributory-missing',
    about: 'No primary and non-contributory wording or CG 20 01.',
    change: (e) => removeRemark(e, pnc),
    want: { outcome: 'deficient', d: ['primary_noncontributory_missing'], r: [] },
  },
  {
    name: 'primary-noncontributory-by-form',
    about: 'No wording, but CG 20 01 is listed.',
    change: (e) => {
      removeRemark(e, pnc);
      e.endorsementForms.push({ form: 'CG 20 01', edition: '04 13' });
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'endorsement-missing-completed-ops',
    about: 'CG 20 10 without its completed-operations partner.',
    change: (e) => removeForm(e, 'CG 20 37'),
    want: { outcome: 'deficient', d: ['endorsement_missing'], r: [] },
  },
  {
    name: 'endorsement-equivalent-blanket',
    about: 'Blanket CG 20 38 + CG 20 40 instead of CG 20 10 + CG 20 37.',
    change: (e) => {
      removeForm(e, 'CG 20 10');
      removeForm(e, 'CG 20 37');
      e.endorsementForms.push({ form: 'CG 20 38', edition: '12 19' }, { form: 'CG 20 40', edition: '12 19' });
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'wc-not-statutory',
    about: 'PER STATUTE not checked.',
    change: (e) => {
      policy(e, 'workers_compensation').statutory = false;
    },
    want: { outcome: 'deficient', d: ['wc_not_statutory'], r: [] },
  },
  {
    name: 'wc-excluded-officers',
    about: 'Officers excluded from WC: a person checks the exemption.',
    change: (e) => {
      policy(e, 'workers_compensation').excludedOfficers = true;
    },
    want: { outcome: 'needs_review', d: [], r: ['wc_excluded_officers'] },
  },
];
