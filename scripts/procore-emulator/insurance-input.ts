import { z } from 'zod';
import { insuranceStatuses, type Insurance } from './types';

// Validation of `{insurance:{…}}` bodies. The provider is written as `name` and read back as
// `insurance_provider`, as in Procore.

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a valid date');

const limit = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/, 'must be a number')]);

export const insuranceInput = z.object({
  vendor_id: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).optional(),
  name: z.string().nullish(),
  insurance_type: z.string().nullish(),
  effective_date: date.nullish(),
  expiration_date: date.nullish(),
  enable_expired_insurance_notifications: z.boolean().optional(),
  exempt: z.boolean().optional(),
  info_received: z.boolean().optional(),
  limit: limit.nullish(),
  notes: z.string().nullish(),
  policy_number: z.string().nullish(),
  status: z.enum(insuranceStatuses).optional(),
  additional_insured: z.string().nullish(),
  origin_id: z.string().nullish(),
  origin_data: z.string().nullish(),
});
export type InsuranceInput = z.infer<typeof insuranceInput>;

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'base');
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The record fields an input sets (only the keys present, so PATCH leaves the rest alone). */
export function insuranceChanges(input: InsuranceInput): Partial<Insurance> {
  const changes: Partial<Insurance> = {};
  const copy = ['insurance_type', 'effective_date', 'expiration_date', 'enable_expired_insurance_notifications', 'exempt', 'info_received', 'notes', 'policy_number', 'status', 'additional_insured', 'origin_id', 'origin_data'] as const;
  for (const key of copy) if (input[key] !== undefined) Object.assign(changes, { [key]: input[key] });
  if (input.name !== undefined) changes.insurance_provider = input.name ?? null;
  if (input.limit !== undefined) changes.limit = input.limit === null ? null : Number(input.limit).toFixed(1);
  if (input.vendor_id !== undefined) changes.vendor_id = Number(input.vendor_id);
  return changes;
}
