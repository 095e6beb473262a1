import { z } from 'zod';
import { procoreId } from './api';

// COI requests: creation (project, global, from a commitment), life (cancel, archive, delete),
// detail with its timeline, the commitments tab and company settings.

export const requestOrigins = ['click', 'global', 'commitment', 'automatic'] as const;
export const requestOriginSchema = z.enum(requestOrigins);
export type RequestOrigin = z.infer<typeof requestOriginSchema>;

/** A request's own status (the directory adds not_requested for vendors without one). */
export const requestStatuses = ['pending', 'under_review', 'awaiting_new_coi', 'compliant', 'waived', 'archived', 'cancelled'] as const;
export const requestStatusSchema = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const emailAddress = z.string().trim().toLowerCase().max(254).email('must be a valid email address');

/** Body of POST …/projects/:projectId/requests and POST …/requests (global). */
export const createRequestsSchema = z.strictObject({
  vendorIds: z.array(procoreId).min(1, 'select at least one company').max(5000),
  /** Addresses fixed in the confirmation dialog; remembered for the vendor. */
  emails: z.record(procoreId, emailAddress).optional(),
});
export type CreateRequests = z.infer<typeof createRequestsSchema>;

export const requestFromCommitmentSchema = z.strictObject({
  commitmentId: procoreId,
  email: emailAddress.optional(),
});

export const requestSummarySchema = z.object({
  id: z.string().uuid(),
  vendorId: z.string(),
  vendorName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  origin: requestOriginSchema,
  status: requestStatusSchema,
  recipientEmail: z.string(),
  brokerEmail: z.string().nullable(),
  createdAt: z.string(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const skipReasons = ['already_requested', 'not_in_directory', 'missing_email', 'invalid_email'] as const;
export const createRequestsResultSchema = z.object({
  created: z.array(requestSummarySchema),
  skipped: z.array(z.object({ vendorId: z.string(), reason: z.enum(skipReasons), message: z.string() })),
});
export type CreateRequestsResult = z.infer<typeof createRequestsResultSchema>;

export const timelineEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actor: z.string(),
  summary: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** Whether Procore's records show this request's state (shown to compliance managers). */
export const procoreWriteStateSchema = z.object({
  state: z.enum(['written', 'pending', 'retrying', 'reconnect']),
  message: z.string(),
  writtenAt: z.string().nullable(),
});
export type ProcoreWriteState = z.infer<typeof procoreWriteStateSchema>;

export const requestDetailSchema = requestSummarySchema.extend({
  deleted: z.boolean(),
  /** The sub's mobile for text reminders (E.164), when one was given. */
  recipientMobile: z.string().nullable().optional(),
  /** The mobile replied STOP to the company's texts (and has not replied START since). */
  mobileOptedOut: z.boolean().optional(),
  procore: procoreWriteStateSchema.nullable().optional(),
  timeline: z.array(timelineEventSchema),
  documents: z.array(z.object({ id: z.string(), filename: z.string(), size: z.number(), createdAt: z.string(), readStatus: z.string() })),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const requestParamsSchema = z.object({ companyId: procoreId, requestId: z.string().uuid('must be a request id') });

export const deleteRequestSchema = z.strictObject({ reason: z.string().trim().min(3, 'say why').max(500) });

export const commitmentRowSchema = z.object({
  commitmentId: z.string(),
  kind: z.enum(['work_order', 'purchase_order']),
  number: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string(),
  amount: z.number().nullable(),
  createdAt: z.string().nullable(),
  vendorId: z.string(),
  vendorName: z.string(),
  email: z.string().nullable(),
  emailValid: z.boolean(),
});
export type CommitmentRow = z.infer<typeof commitmentRowSchema>;

/** True for a time zone name the platform knows (IANA, e.g. America/New_York). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

export const companySettingsSchema = z.strictObject({
  autoRequestCommitments: z.boolean(),
  autoRequestProjectVendors: z.boolean(),
  reminderDays: z.array(z.number().int().min(1).max(365)).min(1).max(10),
  reminderEveryDays: z.number().int().min(1).max(90),
  linkTtlDays: z.number().int().min(1).max(365),
  /** Policies expiring within this many days are asked to renew. */
  renewalDays: z.number().int().min(1).max(365),
  /** The company's IANA time zone: the nightly sync runs at 02:00 there. */
  timeZone: z.string().trim().refine(isTimeZone, { error: 'must be a time zone name such as America/New_York' }),
});
export type CompanySettings = z.infer<typeof companySettingsSchema>;
export const companySettingsPatchSchema = companySettingsSchema.partial();

/** Webhook events that could not become a request, for a person (Settings). */
export const automaticProblemSchema = z.object({ at: z.string(), projectName: z.string().nullable(), message: z.string() });
export const automaticProblemsSchema = z.object({ problems: z.array(automaticProblemSchema) });
export type AutomaticProblems = z.infer<typeof automaticProblemsSchema>;

/** The grant background work uses in a company (Settings). */
export const procoreGrantSchema = z.object({
  kind: z.literal('dmsa'),
  label: z.string(),
  connectedBy: z.string(),
  connectedAt: z.string(),
  lastOkAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
export type ProcoreGrant = z.infer<typeof procoreGrantSchema>;
export const procoreGrantStateSchema = z.object({ grant: procoreGrantSchema.nullable(), waitingWrites: z.number().int() });
export type ProcoreGrantState = z.infer<typeof procoreGrantStateSchema>;
export const connectProcoreGrantSchema = z.strictObject({ kind: z.literal('dmsa') });
