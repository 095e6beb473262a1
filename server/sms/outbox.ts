import type { Knex } from 'knex';
import { addEvent, type Actor } from '../requests/timeline';
import { recipientMobile } from '../requests/repository';
import { optedOut } from './opt-outs';

// Texts are written in the same transaction as the change that causes them, like emails, and
// sent by the send-text job; dedupe_key is unique, so a text is queued once, ever. A text is
// queued only when the company has texts on and the request's mobile has not replied STOP.

export interface QueuedText {
  companyId: string;
  requestId: string;
  kind: 'reminder';
  dedupeKey: string;
  body: string;
}

/** The new text's id; null when texts are off, there is no mobile, it opted out, or it was queued before. */
export async function queueText(trx: Knex.Transaction, t: QueuedText, actor: Actor): Promise<string | null> {
  const on = (await trx('sms_settings').where({ company_id: t.companyId, enabled: true }).first('company_id')) as object | undefined;
  if (!on) return null;
  const mobile = await recipientMobile(trx, t.companyId, t.requestId);
  if (!mobile) return null;
  if (await optedOut(trx, t.companyId, mobile)) return null;
  const [row] = (await trx('texts')
    .insert({ company_id: t.companyId, request_id: t.requestId, kind: t.kind, dedupe_key: t.dedupeKey, to_number: mobile, body: t.body })
    .onConflict('dedupe_key')
    .ignore()
    .returning('id')) as { id: string }[];
  if (!row) return null;
  await addEvent(trx, { companyId: t.companyId, requestId: t.requestId, kind: 'text_queued', actor, data: { textId: row.id, to: mobile } });
  return row.id;
}

/** The reminder as a text: who asks, for which project, and the upload link. */
export function reminderText(i: { gcName: string; projectName: string | null; link: string }): string {
  const scope = i.projectName ? `for ${i.projectName}` : 'for all of our projects';
  return `${i.gcName}: we still need your certificate of insurance ${scope}. Upload it here: ${i.link} Reply STOP to stop texts.`;
}
