import { z } from 'zod';
import { addEvent, systemActor } from '../requests/timeline';
import { defineJob } from './job';

// Sends one queued email. The row stays locked while SMTP talks, so a second worker skips it;
// a failure is recorded ("not yet delivered") and pg-boss retries with backoff.
export const sendEmailRetries = { retryLimit: 12, retryDelay: 5, retryBackoff: true };

export const sendEmail = defineJob({
  name: 'send-email',
  payload: z.object({ emailId: z.string().uuid() }),
  options: sendEmailRetries,
  batchSize: 25,
  async run(s, { emailId }) {
    const counts: Record<string, number> = await s.db.transaction(async (trx) => {
      const email = await trx('emails').where({ id: emailId, status: 'queued' }).forUpdate().skipLocked().first();
      if (!email) return { sent: 0, failed: 0 };
      try {
        await s.mailer.send({
          fromName: email.from_name,
          to: email.to_addresses,
          cc: email.cc_addresses,
          subject: email.subject,
          text: email.text_body,
          html: email.html_body,
        });
      } catch (err) {
        await trx('emails').where({ id: emailId }).update({ attempts: email.attempts + 1, last_error: String((err as Error).message).slice(0, 500) });
        if (email.attempts === 0 && email.request_id) {
          await addEvent(trx, {
            companyId: String(email.company_id),
            requestId: email.request_id,
            kind: 'email_failed',
            actor: systemActor('Mail'),
            data: { emailId, emailKind: email.kind, error: 'The mail server did not accept it; retrying.' },
          });
        }
        // Commit the attempt count, then let pg-boss retry the job later.
        return { sent: 0, failed: 1 };
      }
      await trx('emails').where({ id: emailId }).update({ status: 'sent', sent_at: trx.fn.now(), attempts: email.attempts + 1, last_error: null });
      if (email.request_id) {
        await addEvent(trx, {
          companyId: String(email.company_id),
          requestId: email.request_id,
          kind: 'email_sent',
          actor: systemActor('Mail'),
          data: { emailId, emailKind: email.kind, to: email.to_addresses, cc: email.cc_addresses, subject: email.subject },
        });
      }
      return { sent: 1, failed: 0 };
    });
    if (counts.failed) throw new Error(`email ${emailId} not delivered yet`);
    return counts;
  },
});
