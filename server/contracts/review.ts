import { z } from 'zod';

// The certificate review screen (compliance managers): the certificate as read, its values
// with where they sit on the page, the latest verdict, and what a manager can do about it.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  // A real calendar day: 2030-02-31 and 9999-99-99 are refused.
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, 'must be a real day (YYYY-MM-DD)');

/** How a value can be corrected; null: it cannot be corrected here (addresses, lists). */
export const valueKinds = ['money', 'date', 'boolean', 'text'] as const;
export type ValueKind = (typeof valueKinds)[number];

export const extractedValueSchema = z.object({
  pointer: z.string(),
  label: z.string(),
  /** Formatted for reading ("$1,000,000", "May 1, 2026", "Yes"). */
  value: z.string(),
  /** The value as stored, for editing. */
  raw: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  kind: z.enum(valueKinds).nullable(),
  page: z.number().nullable(),
  /**
   * PDF points, origin bottom-left: [x0, y0, x1, y1]. An array rather than z.tuple: the panel
   * bundles zod once, and tuple support alone would add most of a kilobyte to its first load.
   */
  box: z.array(z.number()).length(4).nullable(),
  confidence: z.number().nullable(),
  corrected: z.boolean(),
});
export type ExtractedValue = z.infer<typeof extractedValueSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const reviewVerdictSchema = z.object({
  outcome: z.enum(['compliant', 'deficient', 'needs_review']),
  checkedAt: z.string(),
  deficiencies: z.array(z.object({ code: z.string(), line: z.string().nullable(), field: z.string().nullable(), required: scalar, found: scalar, message: z.string() })),
  reviewReasons: z.array(z.object({ code: z.string(), line: z.string().nullable(), field: z.string().nullable(), message: z.string() })),
});
export type ReviewVerdict = z.infer<typeof reviewVerdictSchema>;

export const certificateReviewSchema = z.object({
  requestId: z.string(),
  status: z.string(),
  document: z.object({ id: z.string(), filename: z.string(), contentType: z.string(), pages: z.number() }),
  values: z.array(extractedValueSchema),
  verdict: reviewVerdictSchema.nullable(),
  corrections: z.array(z.object({ pointer: z.string(), label: z.string(), value: scalar, reason: z.string(), by: z.string(), at: z.string() })),
});
export type CertificateReview = z.infer<typeof certificateReviewSchema>;

const reason = z.string().trim().min(3, 'say why').max(500);

/** Body of POST …/review/corrections. The value's type is checked against the pointer's. */
export const correctionSchema = z.strictObject({
  pointer: z.string().regex(/^(\/[A-Za-z0-9_]+)+$/, 'must be a JSON pointer such as /policies/0/expirationDate'),
  value: z.union([z.string().max(2000), z.number(), z.boolean()]),
  reason,
});
export type Correction = z.infer<typeof correctionSchema>;

/** Body of POST …/review/approve: Waived until the end date. */
export const approveSchema = z.strictObject({ reason, until: isoDate });
export type Approval = z.infer<typeof approveSchema>;

/** Body of POST …/review/note: a note to the sub with the deficiency list and their upload link. */
export const noteSchema = z.strictObject({ message: z.string().trim().min(3, 'write a note').max(2000) });
export type Note = z.infer<typeof noteSchema>;

/** Body of POST …/review/finish: none; the manager says they have finished reviewing the certificate. */
export const finishSchema = z.strictObject({});

/**
 * What finishing a review did. The request takes the verdict reached now, with the manager's
 * corrections. subcontractor: "emailed" (told what to fix), "already_told" (the sub was last told
 * exactly this about this certificate, so nothing was sent) or "not_needed" (nothing to fix).
 */
export const finishResultSchema = z.object({
  status: z.enum(['compliant', 'awaiting_new_coi']),
  verdict: reviewVerdictSchema,
  subcontractor: z.enum(['emailed', 'already_told', 'not_needed']),
});
export type FinishResult = z.infer<typeof finishResultSchema>;

export const documentParamsSchema = z.object({
  companyId: z.string().regex(/^[1-9]\d{0,18}$/, 'must be a Procore id (digits)'),
  documentId: z.string().uuid('must be a document id'),
});

/** Body of POST …/review/approve-compliant: none; allowed only when no deficiency remains. */
export const approveCompliantSchema = z.strictObject({});

/** What approving as compliant did: the review reasons the manager set aside by approving. */
export const approveCompliantResultSchema = z.object({ status: z.literal('compliant'), setAside: z.array(z.string()) });
export type ApproveCompliantResult = z.infer<typeof approveCompliantResultSchema>;

const limitAmount = z.number().int('must be whole dollars').min(0, 'must not be negative');

/** Body of POST …/review/lines: a coverage line the reader missed, typed from the certificate. */
export const addLineSchema = z
  .strictObject({
    line: z.enum(['general_liability', 'automobile_liability', 'umbrella_liability', 'excess_liability', 'workers_compensation', 'other']),
    description: z.string().trim().max(200).optional(),
    insurerName: z.string().trim().min(1).max(200).optional(),
    naic: z.string().trim().max(20).optional(),
    policyNumber: z.string().trim().max(100).optional(),
    effectiveDate: isoDate,
    expirationDate: isoDate,
    limits: z
      .strictObject({
        eachOccurrence: limitAmount.optional(),
        damageToRentedPremises: limitAmount.optional(),
        medicalExpense: limitAmount.optional(),
        personalAdvertisingInjury: limitAmount.optional(),
        generalAggregate: limitAmount.optional(),
        productsCompletedOperationsAggregate: limitAmount.optional(),
        combinedSingleLimit: limitAmount.optional(),
        aggregate: limitAmount.optional(),
        employersLiabilityEachAccident: limitAmount.optional(),
        employersLiabilityDiseaseEachEmployee: limitAmount.optional(),
        employersLiabilityDiseasePolicyLimit: limitAmount.optional(),
      })
      .default({}),
    basis: z.enum(['occurrence', 'claims_made']).optional(),
    additionalInsured: z.boolean().optional(),
    subrogationWaived: z.boolean().optional(),
    statutory: z.boolean().optional(),
    reason,
  })
  .refine((l) => l.expirationDate > l.effectiveDate, { path: ['expirationDate'], message: 'must be after the effective date' });
export type AddLine = z.infer<typeof addLineSchema>;

/** Opening a review full screen from the side panel: the full-screen app takes what the panel left. */
export const handOffSchema = z.strictObject({});
export const takenHandOffSchema = z.object({ requestId: z.string().nullable() });
export type TakenHandOff = z.infer<typeof takenHandOffSchema>;
