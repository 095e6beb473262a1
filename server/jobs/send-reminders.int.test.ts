import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { createTestRequest, type TestRequest } from '../../test/factories';
import { describeEvent } from '../requests/describe';
import { sendReminders } from './send-reminders';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  // The pooled SMTP connections would otherwise hold the mail sink open until they time out.
  stack?.app.services.mailer.close();
  await stack?.close();
});

const day = 86_400_000;
const remind = (at: Date) => sendReminders.run(stack.app.services, { now: at.toISOString() });
const afterDays = (r: { createdAt: Date }, days: number) => new Date(r.createdAt.getTime() + days * day + 60_000);
const reminderEmails = (r: TestRequest) => stack.database.db('emails').where({ request_id: r.requestId, kind: 'reminder' }).orderBy('created_at');
const delivered = (r: TestRequest, count: number) =>
  waitFor(() => {
    const mails = stack.mail.messages().filter((m) => m.to.includes(r.recipientEmail));
    return mails.length >= count ? mails : null;
  }, 20_000, `${count} reminder(s) delivered`);

async function newRequest(options: Parameters<typeof createTestRequest>[1] = {}) {
  const createdAt = new Date();
  const r = await createTestRequest(stack.app.services, { createdAt, ...options });
  return { ...r, createdAt };
}

describe('reminders', () => {
  it('sends the first reminder on day 3 with the same upload link, extended, and without the broker', async () => {
    const r = await newRequest({ brokerEmail: 'agent@broker.example' });
    expect((await reminderEmails(r)).length).toBe(0);
    await remind(afterDays(r, 2.9));
    expect((await reminderEmails(r)).length).toBe(0);
    const at = afterDays(r, 3);
    await remind(at);
    const [mail] = await delivered(r, 1);
    expect(mail!.subject).toMatch(/^Reminder: certificate of insurance needed for Test Tower/);
    expect(mail!.from).toContain(r.gcName);
    expect(mail!.text).toContain(`${stack.app.url}/portal/${r.token}`);
    expect(mail!.cc).toEqual([]);
    const link = await stack.database.db('upload_links').where({ request_id: r.requestId }).first('expires_at');
    expect((link.expires_at as Date).getTime()).toBe(at.getTime() + 30 * day);
    const request = await stack.database.db('coi_requests').where({ id: r.requestId }).first('reminders_sent');
    expect(request.reminders_sent).toBe(1);
    const kinds = await stack.database.db('request_events').where({ request_id: r.requestId }).pluck('kind');
    expect(kinds).toEqual(expect.arrayContaining(['link_extended', 'email_queued', 'reminder_queued']));
    const extended = await stack.database.db('request_events').where({ request_id: r.requestId, kind: 'link_extended' }).first('data');
    const until = new Date(at.getTime() + 30 * day).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
    expect(describeEvent('link_extended', extended.data)).toBe(`Upload link extended until ${until}.`);
  });

  it('queues each reminder once, even when runs repeat or race', async () => {
    const r = await newRequest();
    const at = afterDays(r, 3);
    await Promise.all([remind(at), remind(at), remind(at)]);
    await remind(at);
    const emails = await reminderEmails(r);
    expect(emails.map((e) => e.dedupe_key)).toEqual([`reminder:${r.requestId}:1`]);
    await delivered(r, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.mail.messages().filter((m) => m.to.includes(r.recipientEmail))).toHaveLength(1);
  });

  it('copies the broker from the second reminder on (day 7)', async () => {
    const r = await newRequest({ brokerEmail: 'agent@broker.example' });
    await remind(afterDays(r, 3));
    await remind(afterDays(r, 6));
    expect((await reminderEmails(r)).length).toBe(1);
    await remind(afterDays(r, 7));
    const emails = await reminderEmails(r);
    expect(emails.map((e) => e.cc_addresses)).toEqual([[], ['agent@broker.example']]);
    const mails = await delivered(r, 2);
    expect(mails.find((m) => m.cc.includes('agent@broker.example'))?.text).toContain(`/portal/${r.token}`);
  });

  it("follows the company's own cadence", async () => {
    const r = await newRequest({ settings: { reminderDays: [1], reminderEveryDays: 2, linkTtlDays: 10 } });
    await remind(afterDays(r, 1));
    await remind(afterDays(r, 2));
    await remind(afterDays(r, 3));
    expect((await reminderEmails(r)).map((e) => e.dedupe_key)).toEqual([`reminder:${r.requestId}:1`, `reminder:${r.requestId}:2`]);
    const link = await stack.database.db('upload_links').where({ request_id: r.requestId }).first('expires_at');
    expect((link.expires_at as Date).getTime()).toBe(afterDays(r, 3).getTime() + 10 * day);
  });

  it('stops once a file arrives', async () => {
    const r = await newRequest();
    await remind(afterDays(r, 3));
    const doc = await PDFDocument.create();
    // Text, so reading it afterwards is quick (a blank page would go to OCR).
    doc.addPage().drawText('Certificate of liability insurance', { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(await doc.save())], { type: 'application/pdf' }), 'coi.pdf');
    expect((await fetch(`${stack.app.url}/api/portal/${r.token}/uploads`, { method: 'POST', body: form })).status).toBe(200);
    await remind(afterDays(r, 7));
    await remind(afterDays(r, 14));
    expect((await reminderEmails(r)).length).toBe(1);
  });

  it('sends none for cancelled, archived or deleted requests', async () => {
    const cancelled = await newRequest({ status: 'cancelled' });
    const archived = await newRequest({ status: 'archived' });
    const deleted = await newRequest();
    await stack.database.db('coi_requests').where({ id: deleted.requestId }).update({ deleted_at: new Date() });
    await remind(afterDays(deleted, 3));
    for (const r of [cancelled, archived, deleted]) expect((await reminderEmails(r)).length).toBe(0);
  });
});
