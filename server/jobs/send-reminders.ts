import type { Knex } from 'knex';
import { z } from 'zod';
import type { Services } from '../services';
import { lockForReminder, reminderCandidates, setRemindersSent } from '../requests/repository';
import { reminderEmail } from '../notifications/reminder-email';
import { queueEmail } from '../notifications/outbox';
import { addEvent, systemActor } from '../requests/timeline';
import { defineJob } from './job';
import { queueNoticeReminders } from '../notifications/notice-reminders';
import { sendEmailRetries } from './send-email';
import { queueText, reminderText } from '../sms/outbox';
import { sendTextRetries } from './send-text';

// Reminders until something is uploaded (and, in notice-reminders.ts, after a deficiency notice): on the company's reminder days after the request
// (3, 7 and 14 by default), then every reminderEveryDays. Each one is queued exactly once,
// even with a restart or several workers: the request row is locked and must still show the
// previous count, and the email's dedupe key names the reminder's number.

export const SEND_REMINDERS = 'send-reminders';

const dayMs = 86_400_000;
const scheduleActor = systemActor('Reminder schedule');
const batchLimit = 1000;

export interface ReminderCadence {
  reminderDays: number[];
  reminderEveryDays: number;
}

/** When reminder number remindersSent + 1 is due, or null when the cadence has no more. */
export function nextReminderDue(createdAt: Date, remindersSent: number, cadence: ReminderCadence): Date | null {
  const days = [...new Set(cadence.reminderDays.filter((d) => d > 0))].sort((a, b) => a - b);
  const n = remindersSent + 1;
  let day: number;
  if (n <= days.length) {
    day = days[n - 1]!;
  } else {
    if (cadence.reminderEveryDays <= 0) return null;
    day = (days.at(-1) ?? 0) + (n - days.length) * cadence.reminderEveryDays;
  }
  return new Date(createdAt.getTime() + day * dayMs);
}

export const sendReminders = defineJob({
  name: SEND_REMINDERS,
  /** now: the clock to use (tests jump ahead); the schedule leaves it out. */
  payload: z.object({ now: z.iso.datetime().optional() }),
  schedule: '*/5 * * * *',
  options: { expireInSeconds: 10 * 60 },
  async run(s, { now }) {
    const at = now ? new Date(now) : new Date();
    const due = await dueReminders(s.db, at);
    const emailIds: string[] = [];
    const textIds: string[] = [];
    for (const reminder of due) {
      const queued = await s.db.transaction((trx) => queueReminder(s, trx, reminder, at));
      if (queued.emailId) emailIds.push(queued.emailId);
      if (queued.textId) textIds.push(queued.textId);
    }
    const queuedNow = emailIds.length;
    const afterNotice = await queueNoticeReminders(s, at, nextReminderDue);
    emailIds.push(...afterNotice.emailIds);
    textIds.push(...afterNotice.textIds);
    if (emailIds.length) await s.enqueueMany('send-email', emailIds.map((emailId) => ({ emailId })), sendEmailRetries);
    if (textIds.length) await s.enqueueMany('send-text', textIds.map((textId) => ({ textId })), sendTextRetries);
    return { due: due.length, queued: queuedNow, skipped: due.length - queuedNow, afterNotice: afterNotice.emailIds.length, texts: textIds.length };
  },
});

interface DueReminder {
  requestId: string;
  number: number;
}

/** Requests still waiting for a first upload whose next reminder is due at `at`. */
async function dueReminders(db: Knex, at: Date): Promise<DueReminder[]> {
  const rows = await reminderCandidates(db, at, batchLimit);
  return rows
    .filter((r) => {
      const cadence = { reminderDays: r.reminderDays ?? [3, 7, 14], reminderEveryDays: r.reminderEveryDays ?? 7 };
      const next = nextReminderDue(r.createdAt, r.remindersSent, cadence);
      return next !== null && next <= at;
    })
    .map((r) => ({ requestId: r.id, number: r.remindersSent + 1 }));
}

/** Queues reminder `number` for one request (email, and text when the company texts); nothing when another worker got there first or it stopped being due. */
async function queueReminder(s: Services, trx: Knex.Transaction, r: DueReminder, at: Date): Promise<{ emailId: string | null; textId: string | null }> {
  const none = { emailId: null, textId: null };
  const row = await lockForReminder(trx, r.requestId, r.number);
  if (!row) return none;
  const companyId = row.companyId;
  const reminder = await reminderEmail(trx, s, { companyId, requestId: r.requestId, number: r.number, at });
  if (!reminder) return none;
  const { request, link, email } = reminder;
  await addEvent(trx, { companyId, requestId: r.requestId, kind: 'link_extended', actor: scheduleActor, data: reminder.extended });
  // The broker is copied from the second reminder on: the first one gives the sub a chance alone.
  const cc = r.number >= 2 && row.brokerEmail ? [row.brokerEmail] : [];
  const emailId = await queueEmail(
    trx,
    { companyId, requestId: r.requestId, kind: 'reminder', dedupeKey: `reminder:${r.requestId}:${r.number}`, fromName: request.gcName, to: [row.recipientEmail], cc, ...email },
    scheduleActor,
  );
  // The text's dedupe key is the email's: one text per reminder.
  const textId = await queueText(trx, { companyId, requestId: r.requestId, kind: 'reminder', dedupeKey: `reminder:${r.requestId}:${r.number}`, body: reminderText({ ...request, link }) }, scheduleActor);
  await setRemindersSent(trx, r.requestId, r.number);
  await addEvent(trx, { companyId, requestId: r.requestId, kind: 'reminder_queued', actor: scheduleActor, data: { number: r.number, emailId, cc, textId } });
  return { emailId, textId };
}
