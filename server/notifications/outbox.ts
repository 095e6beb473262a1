import type { Knex } from 'knex';
import { addEvent, type Actor } from '../requests/timeline';

// Emails are written to the outbox in the same transaction as the change that causes them,
// then sent by the send-email job. dedupe_key is unique: an email is queued once, ever.

export interface QueuedEmail {
  companyId: string;
  /** null for emails about no one request (the daily digest); those have no timeline. */
  requestId: string | null;
  kind: 'request' | 'reminder' | 'deficiency' | 'unreadable' | 'renewal' | 'digest';
  dedupeKey: string;
  fromName: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
}

/** The new email's id, or null when one with this dedupe key already exists. */
export async function queueEmail(trx: Knex.Transaction, e: QueuedEmail, actor: Actor): Promise<string | null> {
  const [row] = (await trx('emails')
    .insert({
      company_id: e.companyId,
      request_id: e.requestId,
      kind: e.kind,
      dedupe_key: e.dedupeKey,
      from_name: e.fromName,
      to_addresses: e.to,
      cc_addresses: e.cc,
      subject: e.subject,
      text_body: e.text,
      html_body: e.html,
    })
    .onConflict('dedupe_key')
    .ignore()
    .returning('id')) as { id: string }[];
  if (!row) return null;
  if (e.requestId === null) return row.id;
  await addEvent(trx, {
    companyId: e.companyId,
    requestId: e.requestId,
    kind: 'email_queued',
    actor,
    data: { emailId: row.id, emailKind: e.kind, to: e.to, cc: e.cc, subject: e.subject },
  });
  return row.id;
}
