import {
  autoLimitKeys,
  elLimitKeys,
  glLimitKeys,
  lineSchemas,
  otherLimitKeys,
  umbrellaLimitKeys,
  type EndorsementRequirement,
  type LineRequirement,
  type RequirementLine,
  type RequirementSet,
} from '../../../../server/contracts/requirements';
import type { RequirementIssue } from '../../../../server/compliance/validate-requirements';
import type { Outcome } from '../../../../server/compliance/types';
import { coiStatusLabels } from '../../../../server/contracts/directory';

// What the requirements editor shows for each coverage line, and the conversions between the
// contract's shapes and the text people type.

export const lineLabels: Record<RequirementLine, string> = {
  general_liability: 'General liability',
  automobile_liability: 'Automobile liability',
  umbrella_liability: 'Umbrella liability',
  workers_compensation: "Workers' compensation",
  employers_liability: "Employers' liability",
  professional_liability: 'Professional liability',
  pollution_liability: 'Pollution liability',
};

export const lineLimitKeys: Record<RequirementLine, readonly string[]> = {
  general_liability: glLimitKeys,
  automobile_liability: autoLimitKeys,
  umbrella_liability: umbrellaLimitKeys,
  workers_compensation: [],
  employers_liability: elLimitKeys,
  professional_liability: otherLimitKeys,
  pollution_liability: otherLimitKeys,
};

export const limitLabels: Record<string, string> = {
  eachOccurrence: 'Each occurrence',
  damageToRentedPremises: 'Damage to rented premises',
  medicalExpense: 'Medical expense',
  personalAdvertisingInjury: 'Personal & advertising injury',
  generalAggregate: 'General aggregate',
  productsCompletedOperationsAggregate: 'Products-completed operations aggregate',
  combinedSingleLimit: 'Combined single limit',
  bodilyInjuryPerPerson: 'Bodily injury per person',
  bodilyInjuryPerAccident: 'Bodily injury per accident',
  propertyDamagePerAccident: 'Property damage per accident',
  aggregate: 'Aggregate',
  employersLiabilityEachAccident: 'Each accident',
  employersLiabilityDiseaseEachEmployee: 'Disease, each employee',
  employersLiabilityDiseasePolicyLimit: 'Disease, policy limit',
};

export type LineFlag =
  | 'occurrenceRequired'
  | 'perProjectAggregateRequired'
  | 'additionalInsuredRequired'
  | 'waiverOfSubrogationRequired'
  | 'primaryNonContributoryRequired'
  | 'followFormRequired'
  | 'statutoryRequired';

export const flagLabels: Record<LineFlag, string> = {
  occurrenceRequired: 'Occurrence basis',
  perProjectAggregateRequired: 'Per-project aggregate',
  additionalInsuredRequired: 'Additional insured',
  waiverOfSubrogationRequired: 'Waiver of subrogation',
  primaryNonContributoryRequired: 'Primary & non-contributory',
  followFormRequired: 'Follows form',
  statutoryRequired: 'Statutory limits',
};

/** The flags a line's schema accepts, read from the contract so the form never offers one the server rejects. */
export function lineFlags(line: RequirementLine): LineFlag[] {
  const shape = lineSchemas[line].shape;
  return (Object.keys(flagLabels) as LineFlag[]).filter((flag) => flag in shape);
}

export const acceptsEndorsements = (line: RequirementLine): boolean => 'endorsements' in lineSchemas[line].shape;

/** A line listed in the set is required unless it says `required: false`. */
export const isRequired = (req: LineRequirement | undefined): boolean => req !== undefined && req.required !== false;

export function updateLine(set: RequirementSet, line: RequirementLine, change: (req: LineRequirement) => LineRequirement): RequirementSet {
  const current: LineRequirement = set.lines[line] ?? {};
  return { ...set, lines: { ...set.lines, [line]: change(current) } };
}

/** Digits only, so "1,000,000" and "$1000000" both read as one million; empty is "no minimum". */
export function parseDollars(text: string): number | undefined {
  const digits = text.replace(/[^\d]/g, '');
  return digits === '' ? undefined : Number(digits);
}

export const formatDollars = (amount: number | undefined): string => (amount === undefined ? '' : amount.toLocaleString('en-US'));

// Endorsements as text: one per line, "Label: CG 20 10, CG 20 37 or CG 20 38", where commas
// join forms that are all needed and "or" separates alternatives.
export function formatEndorsements(endorsements: readonly EndorsementRequirement[] | undefined): string {
  return (endorsements ?? []).map((e) => `${e.label}: ${e.anyOf.map((group) => group.join(', ')).join(' or ')}`).join('\n');
}

export function parseEndorsements(text: string): EndorsementRequirement[] {
  return text
    .split('\n')
    .map((row) => row.trim())
    .filter((row) => row !== '')
    .map((row) => {
      const colon = row.indexOf(':');
      const label = colon < 0 ? '' : row.slice(0, colon).trim();
      const forms = colon < 0 ? row : row.slice(colon + 1);
      const anyOf = forms
        .split(/\bor\b/i)
        .map((group) => group.split(',').map((form) => form.trim()).filter((form) => form !== ''))
        .filter((group) => group.length > 0);
      return { label, anyOf };
    });
}

export const parsePhrases = (text: string): string[] =>
  text
    .split(',')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');

/** The issues at a field or below it ("lines.general_liability.endorsements" owns "….endorsements.0.anyOf"). */
export function issuesAt(issues: readonly RequirementIssue[], path: string): RequirementIssue[] {
  return issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
}

/** Compliance outcomes as the directory names the statuses they lead to. */
export const outcomeLabels: Record<Outcome, string> = {
  compliant: coiStatusLabels.compliant,
  deficient: coiStatusLabels.awaiting_new_coi,
  needs_review: coiStatusLabels.under_review,
};
