import { z } from 'zod';
import { addEvent, systemActor } from '../requests/timeline';
import { smsAccount } from '../sms/settings';
import { postMessage, SmsSendError } from '../sms/provider';
import { optedOut } from '../sms/opt-outs';
import { defineJob } from './job';

// Sends one queued text, the way send-email sends an email: "sending" is committed first (a
// second worker skips it), the provider is called, "sent" with its message sid straight after.
// A 429, a 5xx or no answer puts it back to "queued" and pg-boss retries with backoff; any
// other refusal (a bad number, a bad account) fails it for good and says so on the timeline.
// A company that turned texts off, or a number that replied STOP since, gets nothing.
const retries = { retryLimit: 8, retryDelay: 5, retryBackoff: true };
export const sendTextRetries = { ...retries, keyBy: 'textId' };
const actor = systemActor('Text messages');

export const sendText = defineJob({
  name: 'send-text',
  payload: z.object({ textId: z.string().uuid() }),
  options: retries,
  sequential: true,
  async run(s, { textId }) {
    const text = await s.db.transaction(async (trx) => {
      const row = await trx('texts').where({ id: textId, status: 'queued' }).forUpdate().skipLocked().first();
      if (!row) return null;
      await trx('texts').where({ id: textId }).update({ status: 'sending', sending_at: trx.fn.now(), attempts: row.attempts + 1 });
      return row as { company_id: string; request_id: string | null; to_number: string; body: string };
    });
    if (!text) return { sent: 0, failed: 0 };
    const companyId = String(text.company_id);
    const settle = async (status: 'sent' | 'failed' | 'queued', fields: Record<string, unknown>, event?: { kind: 'text_sent' | 'text_failed'; data: Record<string, unknown> }) =>
      s.db.transaction(async (trx) => {
        await trx('texts').where({ id: textId, status: 'sending' }).update({ status, sending_at: null, ...fields });
        if (event && text.request_id) await addEvent(trx, { companyId, requestId: text.request_id, kind: event.kind, actor, data: { textId, to: text.to_number, ...event.data } });
      });
    const account = await smsAccount(s.db, s.sealer, companyId);
    if (!account || (await optedOut(s.db, companyId, text.to_number))) {
      const error = account ? 'the number replied STOP' : 'text messages are turned off';
      await settle('failed', { last_error: error }, { kind: 'text_failed', data: { error } });
      return { sent: 0, failed: 1 };
    }
    try {
      const sid = await postMessage(account, text.to_number, text.body);
      await settle('sent', { sent_at: s.db.fn.now(), provider_sid: sid, last_error: null }, { kind: 'text_sent', data: { sid } });
      return { sent: 1, failed: 0 };
    } catch (err) {
      const message = (err as Error).message.slice(0, 500);
      if (err instanceof SmsSendError && !err.retryable) {
        await settle('failed', { last_error: message }, { kind: 'text_failed', data: { error: message } });
        return { sent: 0, failed: 1 };
      }
      await settle('queued', { last_error: message });
      throw new Error(`text ${textId} not delivered yet`, { cause: err });
    }
  },
});
