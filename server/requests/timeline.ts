import type { Knex } from 'knex';

// Every change to a request is an event: the timeline a user reads and the audit trail.

export type EventKind =
  | 'requested'
  | 'renewal_requested'
  | 'waiver_ended'
  | 'email_queued'
  | 'email_sent'
  | 'email_failed'
  | 'upload'
  | 'status_changed'
  | 'reminder_queued'
  | 'link_extended'
  | 'cancelled'
  | 'archived'
  | 'unarchived'
  | 'deleted'
  | 'read'
  | 'read_failed'
  | 'evaluated'
  | 'coverage_gap'
  | 'extraction_corrected'
  | 'waived'
  | 'approved_compliant'
  | 'note_sent'
  | 'review_finished'
  | 'text_queued'
  | 'text_sent'
  | 'text_failed'
  | 'mobile_changed';

export interface Actor {
  userId: string | null;
  /** Shown in the timeline: a person's name, "Procore webhook", "Subcontractor", "Reminder schedule"… */
  label: string;
}

export const systemActor = (label: string): Actor => ({ userId: null, label });

export async function addEvent(
  db: Knex | Knex.Transaction,
  e: { companyId: string; requestId: string; kind: EventKind; actor: Actor; data?: Record<string, unknown> },
): Promise<void> {
  await db('request_events').insert({
    company_id: e.companyId,
    request_id: e.requestId,
    kind: e.kind,
    actor_user_id: e.actor.userId,
    actor_label: e.actor.label,
    data: JSON.stringify(e.data ?? {}),
  });
}

/** Why the request is in its status: the last status change's reason (and Procore's word for it, e.g. "expired"). */
export async function lastStatusChange(db: Knex, companyId: string, requestId: string): Promise<{ reason: string | null; procoreReason: string | null }> {
  const row = (await db('request_events')
    .where({ company_id: companyId, request_id: requestId, kind: 'status_changed' })
    .orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .first('data')) as { data: { reason?: string; procoreReason?: string } } | undefined;
  return { reason: row?.data.reason ?? null, procoreReason: row?.data.procoreReason ?? null };
}
