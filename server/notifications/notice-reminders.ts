import type { Knex } from 'knex';
import type { Services } from '../services';
import { lockRequestStatus, noticeReminderCandidates, type NoticeReminderCandidate } from '../requests/repository';
import { addEvent, systemActor } from '../requests/timeline';
import { reminderEmail } from './reminder-email';
import { queueEmail } from './outbox';
import { queueText, reminderText } from '../sms/outbox';

// Reminders after a deficiency notice: a request Awaiting New COI is reminded on the same
// cadence as a Pending one, counting from the notice (a newer notice starts the count again).
// Each reminder is queued once: its dedupe key names the request, the notice and the number.

const scheduleActor = systemActor('Reminder schedule');

export async function queueNoticeReminders(
  s: Services,
  at: Date,
  nextDue: (from: Date, sent: number, cadence: { reminderDays: number[]; reminderEveryDays: number }) => Date | null,
): Promise<{ emailIds: string[]; textIds: string[] }> {
  const due = (await noticeReminderCandidates(s.db, at, 1000)).filter((c) => {
    const next = nextDue(c.noticeAt, c.sent, { reminderDays: c.reminderDays ?? [3, 7, 14], reminderEveryDays: c.reminderEveryDays ?? 7 });
    return next !== null && next <= at;
  });
  const emailIds: string[] = [];
  const textIds: string[] = [];
  for (const c of due) {
    const queued = await s.db.transaction((trx) => queueOne(s, trx, c, at));
    if (queued.emailId) emailIds.push(queued.emailId);
    if (queued.textId) textIds.push(queued.textId);
  }
  return { emailIds, textIds };
}

async function queueOne(s: Services, trx: Knex.Transaction, c: NoticeReminderCandidate, at: Date): Promise<{ emailId: string | null; textId: string | null }> {
  const none = { emailId: null, textId: null };
  if ((await lockRequestStatus(trx, c.companyId, c.id)) !== 'awaiting_new_coi') return none;
  const number = c.sent + 1;
  const row = (await trx('emails').where({ id: c.noticeId }).first('to_addresses', 'cc_addresses')) as { to_addresses: string[]; cc_addresses: string[] } | undefined;
  if (!row) return none;
  const reminder = await reminderEmail(trx, s, { companyId: c.companyId, requestId: c.id, number, at });
  if (!reminder) return none;
  const { request, link, email } = reminder;
  const dedupeKey = `notice-reminder:${c.id}:${c.noticeId}:${number}`;
  const emailId = await queueEmail(
    trx,
    { companyId: c.companyId, requestId: c.id, kind: 'reminder', dedupeKey, fromName: request.gcName, to: row.to_addresses, cc: row.cc_addresses, ...email },
    scheduleActor,
  );
  const textId = emailId ? await queueText(trx, { companyId: c.companyId, requestId: c.id, kind: 'reminder', dedupeKey, body: reminderText({ ...request, link }) }, scheduleActor) : null;
  // A run that lost the race to queue this reminder leaves no trace in the timeline.
  if (emailId) {
    await addEvent(trx, { companyId: c.companyId, requestId: c.id, kind: 'link_extended', actor: scheduleActor, data: reminder.extended });
    await addEvent(trx, { companyId: c.companyId, requestId: c.id, kind: 'reminder_queued', actor: scheduleActor, data: { number, emailId, afterNotice: c.noticeId, textId } });
  }
  return { emailId, textId };
}
