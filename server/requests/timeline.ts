import type { Knex } from 'knex';

// Every change to a request is an event: the timeline a user reads and the audit trail.

export type EventKind =
  | 'requested'
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
  | 'review_finished';

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

export type RequestStatus = 'pending' | 'under_review' | 'awaiting_new_coi' | 'compliant' | 'waived' | 'cancelled' | 'archived';

/** Moves a request to a new status (only from the given ones) and records why; false when it was not in them. */
export async function changeStatus(
  trx: Knex.Transaction,
  r: { companyId: string; requestId: string; from: RequestStatus[]; to: RequestStatus; actor: Actor; reason: string },
): Promise<boolean> {
  const row = (await trx('coi_requests')
    .where({ id: r.requestId, company_id: r.companyId })
    .whereNull('deleted_at')
    // NO KEY UPDATE: exclusive with other status changes, but an insert that only references the
    // request (a timeline event, an email) is not blocked, which otherwise deadlocks with the
    // send-email job (it holds its email row and adds an event; cancel holds the request and
    // fails its queued emails).
    .forNoKeyUpdate()
    .first('status')) as { status: RequestStatus } | undefined;
  if (!row || !r.from.includes(row.status)) return false;
  if (row.status === r.to) return true;
  await trx('coi_requests').where({ id: r.requestId }).update({ status: r.to, updated_at: trx.fn.now() });
  await addEvent(trx, {
    companyId: r.companyId,
    requestId: r.requestId,
    kind: 'status_changed',
    actor: r.actor,
    data: { from: row.status, to: r.to, reason: r.reason },
  });
  return true;
}
