import { z } from 'zod';
import { procoreId } from './api';

export const coiStatuses = [
  'not_requested',
  'pending',
  'under_review',
  'awaiting_new_coi',
  'compliant',
  'waived',
  'archived',
] as const;
export const coiStatusSchema = z.enum(coiStatuses);
export type CoiStatus = z.infer<typeof coiStatusSchema>;

export const coiStatusLabels: Record<CoiStatus, string> = {
  not_requested: 'Not requested',
  pending: 'Pending',
  under_review: 'Under review',
  awaiting_new_coi: 'Awaiting New COI',
  compliant: 'Compliant',
  waived: 'Waived',
  archived: 'Archived',
};

/** One company of a Procore directory (company or project), as the panels list it. */
export const directoryRowSchema = z.object({
  vendorId: z.string(),
  name: z.string(),
  trade: z.string().nullable(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  emailValid: z.boolean(),
  status: coiStatusSchema,
  /** The request behind the status: this project's own, else the vendor's global one. */
  requestId: z.string().nullable(),
  requestScope: z.enum(['project', 'global']).nullable(),
  /** Company directory only: the vendor's open project requests by status (none: empty). */
  projectStatuses: z.array(z.object({ status: coiStatusSchema, count: z.number().int() })).optional(),
});
export type DirectoryRow = z.infer<typeof directoryRowSchema>;

export const directorySchema = z.object({
  company: z.object({ id: z.string(), name: z.string() }),
  project: z.object({ id: z.string(), name: z.string() }).nullable(),
  vendors: z.array(directoryRowSchema),
  syncedAt: z.string(),
});
export type Directory = z.infer<typeof directorySchema>;

export const companyParamsSchema = z.object({ companyId: procoreId });
export const projectParamsSchema = z.object({ companyId: procoreId, projectId: procoreId });
