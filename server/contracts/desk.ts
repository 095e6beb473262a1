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
});
export type Overview = z.infer<typeof overviewSchema>;

/** The whole review queue, oldest first: next and previous on the review screen walk it. */
export const reviewQueueSchema = z.object({ items: z.array(queueItemSchema) });
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
