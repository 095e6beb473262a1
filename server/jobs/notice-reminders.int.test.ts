import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { createTestRequest, type TestRequest } from '../../test/factories';
import { sendReminders } from './send-reminders';

// Reminders continue after a deficiency notice: same cadence as Pending, counting from the notice.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  stack?.app.services.mailer.close();
  await stack?.close();
});

const day = 86_400_000;
const remind = (at: Date) => sendReminders.run(stack.app.services, { now: at.toISOString() });
const reminders = (r: TestRequest) => stack.database.db('emails').where({ request_id: r.requestId, kind: 'reminder' }).orderBy('created_at');

async function notice(r: TestRequest, at: Date): Promise<string> {
  const [row] = (await stack.database.db('emails')
    .insert({
      company_id: r.companyId, request_id: r.requestId, kind: 'deficiency', dedupe_key: `deficiency:test-${at.getTime()}-${r.requestId}`, from_name: r.gcName,
      to_addresses: [r.recipientEmail], cc_addresses: ['agent@broker.example'], subject: 'needs changes', text_body: 'x', html_body: 'x', status: 'sent', created_at: at,
    })
    .returning('id')) as { id: string }[];
  return row!.id;
}

describe('reminders after a deficiency notice', () => {
  it('reminds on day 3 and 7 after the notice, once each, to the notice’s recipients; a newer notice starts again', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'awaiting_new_coi', createdAt: new Date(Date.now() - 60 * day) });
    const sentAt = new Date(Date.now() - 10 * day);
    const first = await notice(r, sentAt);
    await remind(new Date(sentAt.getTime() + 2.9 * day));
    expect(await reminders(r)).toHaveLength(0);
    await Promise.all([remind(new Date(sentAt.getTime() + 3 * day + 60_000)), remind(new Date(sentAt.getTime() + 3 * day + 60_000))]);
    const after3 = await reminders(r);
    expect(after3.map((e) => e.dedupe_key)).toEqual([`notice-reminder:${r.requestId}:${first}:1`]);
    expect(after3[0]).toMatchObject({ to_addresses: [r.recipientEmail], cc_addresses: ['agent@broker.example'] });
    // The run that lost the race left nothing in the timeline: one link extension, one reminder.
    const kinds = await stack.database.db('request_events').where({ request_id: r.requestId }).whereIn('kind', ['link_extended', 'reminder_queued']).pluck('kind');
    expect(kinds.sort()).toEqual(['link_extended', 'reminder_queued']);
    await remind(new Date(sentAt.getTime() + 7 * day + 60_000));
    expect(await reminders(r)).toHaveLength(2);

    const later = new Date(Date.now() - day);
    const second = await notice(r, later);
    await remind(new Date(later.getTime() + 3 * day + 60_000));
    expect((await reminders(r)).map((e) => e.dedupe_key)).toContain(`notice-reminder:${r.requestId}:${second}:1`);
  });

  it('stops once the request is no longer Awaiting New COI', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'under_review' });
    const sentAt = new Date(Date.now() - 10 * day);
    await notice(r, sentAt);
    await remind(new Date(sentAt.getTime() + 3 * day + 60_000));
    expect(await reminders(r)).toHaveLength(0);
  });
});
