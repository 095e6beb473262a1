import { z } from 'zod';
import { parseAmBest } from '../compliance/am-best';
import { mergeLines } from '../compliance/tiers';
import { normaliseText } from '../compliance/text';

// A requirement set as compliance managers send it to the API. Objects are strict so a
// misspelt line or limit name is rejected instead of silently ignored. Each line only
// accepts the limit fields its certificate row can print.

export const requirementLines = [
  'general_liability',
  'automobile_liability',
  'umbrella_liability',
  'workers_compensation',
  'employers_liability',
  'professional_liability',
  'pollution_liability',
] as const;
export type RequirementLine = (typeof requirementLines)[number];

export const autoSymbols = ['any_auto', 'owned_autos', 'scheduled_autos', 'hired_autos', 'non_owned_autos'] as const;
export type AutoSymbol = (typeof autoSymbols)[number];

const amount = z
  .number({ error: 'must be a number of dollars' })
  .int({ error: 'must be a whole number of dollars' })
  .min(0, { error: 'must not be negative' });

function minimaSchema<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, amount.optional()])) as Record<K, z.ZodOptional<typeof amount>>;
  return z.strictObject(shape);
}

export const glLimitKeys = [
  'eachOccurrence',
  'damageToRentedPremises',
  'medicalExpense',
  'personalAdvertisingInjury',
  'generalAggregate',
  'productsCompletedOperationsAggregate',
] as const;
export const autoLimitKeys = [
  'combinedSingleLimit',
  'bodilyInjuryPerPerson',
  'bodilyInjuryPerAccident',
  'propertyDamagePerAccident',
] as const;
export const umbrellaLimitKeys = ['eachOccurrence', 'aggregate'] as const;
export const elLimitKeys = [
  'employersLiabilityEachAccident',
  'employersLiabilityDiseaseEachEmployee',
  'employersLiabilityDiseasePolicyLimit',
] as const;
export const otherLimitKeys = ['eachOccurrence', 'aggregate'] as const;

/** "CG 20 10", "CG2037", "WC 00 03 13": two letters then two or three pairs of digits. */
export const formNumberPattern = /^[A-Za-z]{2} ?\d{2} ?\d{2}( ?\d{2})?$/;
const formNumber = z
  .string()
  .trim()
  .regex(formNumberPattern, { error: 'must be a form number such as "CG 20 10" or "WC 00 03 13"' });

const endorsementRequirement = z.strictObject({
  label: z.string().trim().min(1, { error: 'must name the endorsement, e.g. "Additional insured"' }),
  /** Satisfied when every form of at least one group is on the certificate. */
  anyOf: z
    .array(z.array(formNumber).min(1, { error: 'a group needs at least one form' }))
    .min(1, { error: 'needs at least one group of forms' }),
});
export type EndorsementRequirement = z.infer<typeof endorsementRequirement>;

const flag = z.boolean().optional();
const endorsements = z.array(endorsementRequirement).optional();
/** A listed line is required unless `required: false`, which switches it off (e.g. a tier needing no umbrella). */
const base = { required: flag };
const insuredFlags = {
  additionalInsuredRequired: flag,
  waiverOfSubrogationRequired: flag,
  primaryNonContributoryRequired: flag,
  endorsements,
};

const symbolGroups = z
  .array(z.array(z.enum(autoSymbols)).min(1, { error: 'a symbol group needs at least one symbol' }))
  .min(1, { error: 'needs at least one group of symbols' });

export const lineSchemas = {
  general_liability: z.strictObject({
    ...base,
    ...insuredFlags,
    minimums: minimaSchema(glLimitKeys).optional(),
    occurrenceRequired: flag,
    perProjectAggregateRequired: flag,
  }),
  automobile_liability: z.strictObject({
    ...base,
    ...insuredFlags,
    minimums: minimaSchema(autoLimitKeys).optional(),
    /** Satisfied when every symbol of at least one group is checked. */
    autoSymbols: symbolGroups.optional(),
  }),
  umbrella_liability: z.strictObject({
    ...base,
    ...insuredFlags,
    minimums: minimaSchema(umbrellaLimitKeys).optional(),
    occurrenceRequired: flag,
    followFormRequired: flag,
  }),
  workers_compensation: z.strictObject({
    ...base,
    statutoryRequired: flag,
    waiverOfSubrogationRequired: flag,
    endorsements,
  }),
  employers_liability: z.strictObject({ ...base, minimums: minimaSchema(elLimitKeys).optional() }),
  professional_liability: z.strictObject({ ...base, minimums: minimaSchema(otherLimitKeys).optional() }),
  pollution_liability: z.strictObject({
    ...base,
    ...insuredFlags,
    minimums: minimaSchema(otherLimitKeys).optional(),
  }),
} as const;

export const linesSchema = z.strictObject({
  general_liability: lineSchemas.general_liability.optional(),
  automobile_liability: lineSchemas.automobile_liability.optional(),
  umbrella_liability: lineSchemas.umbrella_liability.optional(),
  workers_compensation: lineSchemas.workers_compensation.optional(),
  employers_liability: lineSchemas.employers_liability.optional(),
  professional_liability: lineSchemas.professional_liability.optional(),
  pollution_liability: lineSchemas.pollution_liability.optional(),
});
export type LineRequirements = z.infer<typeof linesSchema>;
/** The union of every line's options; a line simply never sets the ones it lacks. */
export type LineRequirement = Partial<
  z.infer<typeof lineSchemas.general_liability> &
    z.infer<typeof lineSchemas.automobile_liability> &
    z.infer<typeof lineSchemas.umbrella_liability> &
    z.infer<typeof lineSchemas.workers_compensation>
> & { minimums?: Partial<Record<string, number>> };

const range = z.strictObject({ min: amount.optional(), max: amount.optional() });

export const tierSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'a tier needs a name' }),
  /** Trade names as used on the vendor record; matched case- and punctuation-insensitively. */
  trades: z.array(z.string().trim().min(1, { error: 'trade names must not be empty' })).optional(),
  /** Subcontract value: min inclusive, max exclusive. */
  commitmentValue: range.optional(),
  lines: linesSchema,
});
export type Tier = z.infer<typeof tierSchema>;

const amBestMinimum = z
  .string()
  .trim()
  .refine((s) => parseAmBest(s) !== null, { error: 'must be an AM Best rating and size class such as "A- VII"' });

const address = z.strictObject({
  line1: z.string().optional(),
  line2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
});

export const requirementSetObject = z.strictObject({
  name: z.string().trim().min(1, { error: 'a requirement set needs a name' }),
  lines: linesSchema,
  minimumAmBest: amBestMinimum.nullable().optional(),
  certificateHolder: z
    .strictObject({ name: z.string().trim().min(1, { error: 'the holder name must not be empty' }), address: address.optional() })
    .nullable()
    .optional(),
  /** Phrases the description of operations must contain (project, GC, owner). */
  descriptionMustContain: z.array(z.string().trim().min(1, { error: 'phrases must not be empty' })).optional(),
  /** Also require the project name passed in the evaluation context. */
  descriptionMustNameProject: z.boolean().optional(),
  minimumDaysRemaining: z.number().int().min(0, { error: 'must not be negative' }).max(3650).optional(),
  /**
   * Years of products-completed operations coverage after the project closes: until then the
   * general liability line is still asked for (its completed-operations aggregate and
   * endorsements), nothing else; after that nothing is.
   */
  completedOperationsYears: z.number({ error: 'must be a whole number of years' }).int({ error: 'must be a whole number of years' }).min(0, { error: 'must not be negative' }).max(20, { error: 'must be at most 20 years' }).optional(),
  /** Umbrella/excess that follows form may make up GL, auto and EL shortfalls. */
  umbrellaMayTopUp: z.boolean().optional(),
  /** Flag insurers with an alien (AA-) or blank NAIC number for review. */
  flagSurplusLines: z.boolean().optional(),
  /** What to do when a carrier is not in the rating table or is not rated. */
  unratedCarrier: z.enum(['review', 'deficiency']).optional(),
  tiers: z.array(tierSchema).optional(),
});

export const requirementSetSchema = requirementSetObject.superRefine((set, ctx) => {
  for (const issue of findContradictions(set)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type RequirementSet = z.infer<typeof requirementSetSchema>;

interface Contradiction {
  path: (string | number)[];
  message: string;
}

const limitPairs: [string, string, string][] = [
  ['eachOccurrence', 'generalAggregate', 'the general aggregate'],
  ['eachOccurrence', 'aggregate', 'the aggregate'],
  ['employersLiabilityDiseaseEachEmployee', 'employersLiabilityDiseasePolicyLimit', 'the disease policy limit'],
];

function lineContradictions(lines: LineRequirements, path: (string | number)[]): Contradiction[] {
  const out: Contradiction[] = [];
  for (const [line, req] of Object.entries(lines) as [string, LineRequirement | undefined][]) {
    const m = req?.minimums;
    if (!m) continue;
    for (const [low, high, highName] of limitPairs) {
      const a = m[low];
      const b = m[high];
      if (a !== undefined && b !== undefined && a > b) {
        out.push({ path: [...path, line, 'minimums', low], message: `must not be more than ${highName} (${b})` });
      }
    }
  }
  return out;
}


function tierContradictions(tiers: Tier[]): Contradiction[] {
  const out: Contradiction[] = [];
  const tradeOwner = new Map<string, string>();
  const names = new Set<string>();
  tiers.forEach((tier, i) => {
    if (names.has(tier.name)) out.push({ path: ['tiers', i, 'name'], message: `another tier is already named "${tier.name}"` });
    names.add(tier.name);
    if (!tier.trades?.length && !tier.commitmentValue) {
      out.push({ path: ['tiers', i], message: 'a tier needs trades or a subcontract value range to choose it' });
    }
    for (const trade of tier.trades ?? []) {
      const key = normaliseText(trade);
      const owner = tradeOwner.get(key);
      if (owner !== undefined) out.push({ path: ['tiers', i, 'trades'], message: `trade "${trade}" is already in tier "${owner}"` });
      else tradeOwner.set(key, tier.name);
    }
    const r = tier.commitmentValue;
    if (r && r.min !== undefined && r.max !== undefined && r.min >= r.max) {
      out.push({ path: ['tiers', i, 'commitmentValue'], message: `min (${r.min}) must be less than max (${r.max})` });
    }
    if (r && r.min === undefined && r.max === undefined) {
      out.push({ path: ['tiers', i, 'commitmentValue'], message: 'give a min, a max or both' });
    }
  });
  return [...out, ...rangeOverlaps(tiers)];
}

function rangeOverlaps(tiers: Tier[]): Contradiction[] {
  const out: Contradiction[] = [];
  tiers.forEach((a, i) => {
    tiers.slice(0, i).forEach((b) => {
      const ra = a.commitmentValue;
      const rb = b.commitmentValue;
      if (!ra || !rb) return;
      const lowA = ra.min ?? 0;
      const lowB = rb.min ?? 0;
      const highA = ra.max ?? Infinity;
      const highB = rb.max ?? Infinity;
      if (lowA < highB && lowB < highA) {
        out.push({ path: ['tiers', i, 'commitmentValue'], message: `overlaps the value range of tier "${b.name}"` });
      }
    });
  });
  return out;
}

function findContradictions(set: z.infer<typeof requirementSetObject>): Contradiction[] {
  const out = lineContradictions(set.lines, ['lines']);
  const tiers = set.tiers ?? [];
  tiers.forEach((tier, i) => out.push(...lineContradictions(mergeLines(set.lines, tier.lines), ['tiers', i, 'lines'])));
  return [...out, ...tierContradictions(tiers)];
}
