import { z } from 'zod';

// The certificate reader's output, mirroring coi-extraction.schema.json (kept identical to
// ../shared/contracts). The JSON Schema is the contract; this zod schema gives TypeScript
// the same shape and validates extractions read back from the database.

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();
const money = z.number().int().min(0).nullable();
const text = z.string().nullable();

export const addressSchema = z
  .object({
    line1: text.optional(),
    line2: text.optional(),
    city: text.optional(),
    state: text.optional(),
    postalCode: text.optional(),
  })
  .nullable();

export const partySchema = z.object({ name: text, address: addressSchema.optional() });

export const coverageLines = [
  'general_liability',
  'automobile_liability',
  'umbrella_liability',
  'excess_liability',
  'workers_compensation',
  'other',
] as const;
export type CoverageLine = (typeof coverageLines)[number];

export const insurerLetters = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export const limitsSchema = z.object({
  eachOccurrence: money.optional(),
  damageToRentedPremises: money.optional(),
  medicalExpense: money.optional(),
  personalAdvertisingInjury: money.optional(),
  generalAggregate: money.optional(),
  productsCompletedOperationsAggregate: money.optional(),
  combinedSingleLimit: money.optional(),
  bodilyInjuryPerPerson: money.optional(),
  bodilyInjuryPerAccident: money.optional(),
  propertyDamagePerAccident: money.optional(),
  aggregate: money.optional(),
  employersLiabilityEachAccident: money.optional(),
  employersLiabilityDiseaseEachEmployee: money.optional(),
  employersLiabilityDiseasePolicyLimit: money.optional(),
  other: z.array(z.object({ label: z.string(), amount: money })).optional(),
});
export type Limits = z.infer<typeof limitsSchema>;
export type LimitKey = Exclude<keyof Limits, 'other'>;

export const policySchema = z.object({
  line: z.enum(coverageLines),
  description: text.optional(),
  insurerLetter: z.enum(insurerLetters).nullable(),
  policyNumber: text,
  effectiveDate: date,
  expirationDate: date,
  additionalInsured: z.boolean().nullable(),
  subrogationWaived: z.boolean().nullable(),
  basis: z.enum(['occurrence', 'claims_made']).nullable().optional(),
  aggregateAppliesPer: z.enum(['policy', 'project', 'location', 'other']).nullable().optional(),
  autoSymbols: z
    .array(z.enum(['any_auto', 'owned_autos', 'scheduled_autos', 'hired_autos', 'non_owned_autos', 'other']))
    .optional(),
  retentionOrDeductible: z
    .object({ kind: z.enum(['retention', 'deductible']).optional(), amount: money.optional() })
    .nullable()
    .optional(),
  statutory: z.boolean().nullable().optional(),
  excludedOfficers: z.boolean().nullable().optional(),
  limits: limitsSchema,
});
export type Policy = z.infer<typeof policySchema>;

export const fieldProvenanceSchema = z.object({
  page: z.number().int().min(1).optional(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  confidence: z.number().min(0).max(1).optional(),
});
export type FieldProvenance = z.infer<typeof fieldProvenanceSchema>;

/** A value read with at least this confidence may be acted on without a person looking. */
export const CONFIDENT = 0.8;

/**
 * How the reading went as a whole (not in the shared JSON Schema, which allows extra keys).
 * `layout`: whether the pages were fitted to the ACORD 25 form. `coverage`: "read" when the
 * coverage grid was found and its rows are plausible; "unreadable" when it was not found or
 * what was read cannot be right (no rows although lines are marked, dates that do not parse), so
 * an empty or short list of policies says nothing about what the certificate carries.
 * `reasons`: plain sentences for the person who reviews it.
 */
export const readingSchema = z.object({
  layout: z.enum(['acord25', 'unrecognised']),
  coverage: z.enum(['read', 'unreadable']),
  reasons: z.array(z.string()),
});
export type Reading = z.infer<typeof readingSchema>;

export const extractionSchema = z.looseObject({
  form: text,
  edition: text,
  source: z.enum(['acroform', 'text', 'ocr']),
  pages: z.number().int().min(1),
  certificateDate: date,
  certificateNumber: text,
  revisionNumber: text,
  producer: partySchema.extend({
    contactName: text.optional(),
    phone: text.optional(),
    fax: text.optional(),
    email: text.optional(),
  }),
  insured: partySchema,
  insurers: z.array(z.object({ letter: z.enum(insurerLetters), name: z.string(), naic: text })),
  policies: z.array(policySchema),
  descriptionOfOperations: text,
  endorsementForms: z.array(z.object({ form: z.string(), edition: z.string().nullable().optional() })),
  certificateHolder: partySchema,
  fields: z.record(z.string(), fieldProvenanceSchema).optional(),
  warnings: z.array(z.string()),
  // Optional: extractions stored before it existed have none (treated as read, from a known layout).
  reading: readingSchema.optional(),
});
export type Extraction = z.infer<typeof extractionSchema>;
