import { z } from 'zod';
import { addEvent, systemActor } from '../requests/timeline';
import { defineJob } from './job';

// Sends one queued email. SMTP cannot be exactly-once, so the window is kept small: the email
// is marked "sending" in its own commit (a second worker then skips it), SMTP is spoken to, and
// "sent" is committed straight after. A crash in between leaves it "sending"; the outbox sweep
// sends it again once that is older than SMTP could take, with the same Message-ID, so a rare
// repeat is one message to mail clients. A failure puts it back to "queued" ("not yet
// delivered") and pg-boss retries with backoff. Every job carries the email id as its
// singleton key, so the sweep never adds a job for an email that has one alive.
const retries = { retryLimit: 12, retryDelay: 5, retryBackoff: true };
export const sendEmailRetries = { ...retries, keyBy: 'emailId' };

export const sendEmail = defineJob({
  name: 'send-email',
  payload: z.object({ emailId: z.string().uuid() }),
  options: retries,
  batchSize: 25,
  async run(s, { emailId }) {
    const email = await s.db.transaction(async (trx) => {
      const row = await trx('emails').where({ id: emailId, status: 'queued' }).forUpdate().skipLocked().first();
      if (!row) return null;
      await trx('emails').where({ id: emailId }).update({ status: 'sending', sending_at: trx.fn.now(), attempts: row.attempts + 1 });
      return row;
    });
    if (!email) return { sent: 0, failed: 0 };
    try {
      await s.mailer.send({
        fromName: email.from_name,
        to: email.to_addresses,
        cc: email.cc_addresses,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        dedupeKey: email.dedupe_key,
      });
    } catch (err) {
      await s.db.transaction(async (trx) => {
        await trx('emails').where({ id: emailId, status: 'sending' }).update({ status: 'queued', sending_at: null, last_error: String((err as Error).message).slice(0, 500) });
        if (email.attempts === 0 && email.request_id) {
          await addEvent(trx, {
            companyId: String(email.company_id),
            requestId: email.request_id,
            kind: 'email_failed',
            actor: systemActor('Mail'),
            data: { emailId, emailKind: email.kind, error: 'The mail server did not accept it; retrying.' },
          });
        }
      });
      // Let pg-boss retry the job later.
      throw new Error(`email ${emailId} not delivered yet`, { cause: err });
    }
    await s.db.transaction(async (trx) => {
      await trx('emails').where({ id: emailId }).update({ status: 'sent', sent_at: trx.fn.now(), sending_at: null, last_error: null });
      if (email.request_id) {
        await addEvent(trx, {
          companyId: String(email.company_id),
          requestId: email.request_id,
          kind: 'email_sent',
          actor: systemActor('Mail'),
          data: { emailId, emailKind: email.kind, to: email.to_addresses, cc: email.cc_addresses, subject: email.subject },
        });
      }
    });
    return { sent: 1, failed: 0 };
  },
});
