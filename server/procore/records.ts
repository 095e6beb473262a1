import { z } from 'zod';

// Procore record shapes we read (procore-platform.md section 7), validated loosely: fields we
// use are checked, everything else passes through untouched.

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => String(v));

export const meSchema = z.looseObject({ id, login: z.string(), name: z.string().nullable().optional() });
export type ProcoreMe = z.infer<typeof meSchema>;

export const companySchema = z.looseObject({ id, name: z.string(), is_active: z.boolean().optional() });
export type ProcoreCompany = z.infer<typeof companySchema>;

export const projectSchema = z.looseObject({
  id,
  name: z.string(),
  active: z.boolean().nullable().optional(),
  updated_at: z.string().regex(/^\d{4}-\d{2}-\d{2}/).nullable().optional().catch(null),
  company: z.looseObject({ id }).nullable().optional(),
});
export type ProcoreProject = z.infer<typeof projectSchema>;

export const vendorSchema = z.looseObject({
  id,
  name: z.string(),
  is_active: z.boolean().nullable().optional(),
  email_address: z.string().nullable().optional(),
  trades: z.array(z.looseObject({ name: z.string() })).nullable().optional(),
  primary_contact: z
    .looseObject({
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
      email_address: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type ProcoreVendor = z.infer<typeof vendorSchema>;

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).nullish(),
  created_at: z.number().int().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const contractSchema = z.looseObject({
  id,
  number: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  status: z.string(),
  grand_total: z.union([z.string(), z.number()]).nullable().optional(),
  created_at: z.string().nullable().optional(),
  vendor: z.looseObject({ id: id.nullable().optional(), company: z.string().nullable().optional() }).nullable().optional(),
  project: z.looseObject({ id }).nullable().optional(),
});
export type ProcoreContract = z.infer<typeof contractSchema>;

export const hookSchema = z.looseObject({ id });

export const insuranceStatuses = ['compliant', 'compliant_in_progress', 'expired', 'non_compliant', 'non_compliant_in_progress', 'undecided', 'unregistered'] as const;
export type InsuranceStatus = (typeof insuranceStatuses)[number];

/** An insurance record (any of the four scopes); the provider is written as `name`, read back as `insurance_provider`. */
export const insuranceSchema = z.looseObject({
  id,
  vendor_id: id.nullable().optional(),
  insurance_type: z.string().nullable().optional(),
  insurance_provider: z.string().nullable().optional(),
  policy_number: z.string().nullable().optional(),
  effective_date: z.string().nullable().optional(),
  expiration_date: z.string().nullable().optional(),
  limit: z.union([z.string(), z.number()]).nullable().optional(),
  status: z.string().nullable().optional(),
  exempt: z.boolean().nullable().optional(),
  notes: z.string().nullable().optional(),
  origin_id: z.string().nullable().optional(),
});
export type ProcoreInsurance = z.infer<typeof insuranceSchema>;
