import { z } from 'zod';
import { coiStatusSchema } from './directory';

// The compliance manager's desk: the overview's cards (company home, or one project). Each card
// comes from one SQL query; each number links to the register filtered the same way.

export const statusCountSchema = z.object({ status: coiStatusSchema, count: z.number().int() });

export const projectStatusSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  counts: z.array(statusCountSchema),
});

export const queueItemSchema = z.object({
  requestId: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  /** When the newest upload arrived (review queue) or the request was made (not responding). */
  since: z.string(),
  remindersSent: z.number().int(),
  /** What went wrong (write-back problems). */
  note: z.string().optional(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const overviewSchema = z.object({
  project: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** One row per vendor and project (the project's own request, else the vendor's global one). */
  statusCounts: z.array(statusCountSchema),
  byProject: z.array(projectStatusSchema),
  /** Compliant or waived certificates whose earliest policy ends within 30, 60 and 90 days (cumulative). */
  expiring: z.object({ within30: z.number().int(), within60: z.number().int(), within90: z.number().int() }),
  reviewQueue: z.object({ count: z.number().int(), oldest: z.array(queueItemSchema) }),
  notResponding: z.object({ count: z.number().int(), oldest: z.array(queueItemSchema) }),
  /** Requests whose state Procore has not been told because writing failed or no grant works. */
  writeBackProblems: z.object({ count: z.number().int(), oldest: z.array(queueItemSchema) }),
});
export type Overview = z.infer<typeof overviewSchema>;

/** The whole review queue, oldest first: next and previous on the review screen walk it. */
export const reviewQueueSchema = z.object({ items: z.array(queueItemSchema) });
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

/** The register's filter, sort and page, as query parameters (the overview's numbers link to it). */
export const registerQuerySchema = z.strictObject({
  status: coiStatusSchema.optional(),
  projectId: z.string().regex(/^[1-9]\d{0,18}$/, 'must be a Procore id (digits)').optional(),
  trade: z.string().trim().min(1).max(100).optional(),
  /** Compliant or waived certificates whose earliest policy ends within this many days. */
  expiresWithin: z.enum(['30', '60', '90']).optional(),
  queue: z.enum(['review', 'not_responding', 'write_back']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['vendor', 'project', 'status', 'expires', 'activity']).default('vendor'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type RegisterQuery = z.infer<typeof registerQuerySchema>;
export type RegisterFilter = Omit<RegisterQuery, 'offset' | 'limit'>;

export const registerPolicySchema = z.object({
  line: z.string(),
  insurer: z.string().nullable(),
  expires: z.string().nullable(),
  /** Limits as printed, e.g. { eachOccurrence: 1000000 }. */
  limits: z.record(z.string(), z.number()),
});

export const registerRowSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  trade: z.string().nullable(),
  projectId: z.string(),
  projectName: z.string(),
  status: coiStatusSchema,
  requestId: z.string().nullable(),
  requestScope: z.enum(['project', 'global']).nullable(),
  /** Why the status is what it is: the latest check's summary or first finding. */
  reason: z.string().nullable(),
  endsOn: z.string().nullable(),
  policies: z.array(registerPolicySchema),
  lastActivity: z.string().nullable(),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

export const registerPageSchema = z.object({ total: z.number().int(), rows: z.array(registerRowSchema) });
export type RegisterPage = z.infer<typeof registerPageSchema>;

/** A commitment whose vendor is not compliant today: hold its payment applications. */
export const payHoldSchema = z.object({
  commitmentId: z.string(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  kind: z.enum(['work_order', 'purchase_order']),
  grandTotal: z.number().nullable(),
  vendorId: z.string(),
  vendorName: z.string(),
  status: coiStatusSchema,
  requestId: z.string().nullable(),
  reason: z.string(),
  /** Since when the vendor has been in this status (or the commitment existed, if never requested). */
  since: z.string().nullable(),
});
export type PayHold = z.infer<typeof payHoldSchema>;
export const payHoldsSchema = z.object({ holds: z.array(payHoldSchema) });
export type PayHolds = z.infer<typeof payHoldsSchema>;

/** One thing that happened to a vendor's requests, in any project. */
export const historyEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  requestId: z.string(),
  /** null: a global (all projects) request. */
  projectName: z.string().nullable(),
  /** A person's name, "the subcontractor", or "automatic (…)" saying what acted. */
  actor: z.string(),
  summary: z.string(),
});
export const vendorHistorySchema = z.object({
  vendor: z.object({ id: z.string(), name: z.string() }),
  entries: z.array(historyEntrySchema),
  /** More happened than is listed (the newest are listed). */
  truncated: z.boolean(),
});
export type VendorHistory = z.infer<typeof vendorHistorySchema>;
