import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRequest, type TestRequest } from '../../test/factories';
import { freePort, startStack, type Stack } from '../../test/stack';
import { messageId } from '../notifications/mailer';
import { sendEmail } from './send-email';
import { sweepOutbox } from './sweep-outbox';
import { sweepReads } from './sweep-reads';

// The safety nets, run directly (no background workers): uploads whose read job never got
// queued, emails whose job is gone or whose send was cut off, and never a second live job.

let stack: Stack;
let smtp: SMTPServer;
const seen: { messageId: string; statusDuringSmtp: string }[] = [];
beforeAll(async () => {
  const port = await freePort();
  // A real SMTP server that looks at the outbox while the message is being handed over.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const row = await stack.database.db('emails').where({ subject: mail.subject }).first('status');
          seen.push({ messageId: mail.messageId ?? '', statusDuringSmtp: row?.status });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  stack = await startStack({ env: { WORKERS: 'off', SMTP_URL: `smtp://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await stack?.close();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

const db = () => stack.database.db;
const liveJobs = (name: string, key: string) =>
  db()('pgboss.job').where({ name }).whereIn('state', ['created', 'retry', 'active']).whereRaw("coalesce(singleton_key, data->>'uploadId', data->>'emailId') = ?", [key]);

async function storeQueuedDocument(r: TestRequest, minutesAgo: number, name = 'text-1.pdf'): Promise<string> {
  const bytes = readFileSync(new URL(`../../test/fixtures/certificates/${name}`, import.meta.url));
  const uploadId = randomUUID();
  await db()('documents').insert({
    company_id: r.companyId,
    request_id: r.requestId,
    upload_id: uploadId,
    filename: name,
    content_type: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest(),
    bytes,
    created_at: db().raw(`now() - interval '${minutesAgo} minutes'`),
  });
  return uploadId;
}

async function storeEmail(r: TestRequest, o: { status?: string; minutesAgo?: number; sendingMinutesAgo?: number } = {}): Promise<string> {
  const [row] = (await db()('emails')
    .insert({
      company_id: r.companyId,
      request_id: r.requestId,
      kind: 'request',
      dedupe_key: `test:${randomUUID()}`,
      from_name: r.gcName,
      to_addresses: [r.recipientEmail],
      subject: `Subject ${randomUUID()}`,
      text_body: 'Hello',
      html_body: '<p>Hello</p>',
      status: o.status ?? 'queued',
      created_at: db().raw(`now() - interval '${o.minutesAgo ?? 5} minutes'`),
      sending_at: o.sendingMinutesAgo === undefined ? null : db().raw(`now() - interval '${o.sendingMinutesAgo} minutes'`),
    })
    .returning('id')) as { id: string }[];
  return row!.id;
}

describe('sweep-reads', () => {
  it('queues reading of an upload left queued without a job, once', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'under_review' });
    const stuck = await storeQueuedDocument(r, 5);
    const fresh = await storeQueuedDocument(r, 0, 'text-2.pdf');
    await sweepReads.run(stack.app.services, {});
    expect(await liveJobs('read-certificate', stuck)).toHaveLength(1);
    expect(await liveJobs('read-certificate', fresh)).toHaveLength(0);
    await sweepReads.run(stack.app.services, {});
    await sweepReads.run(stack.app.services, {});
    expect(await liveJobs('read-certificate', stuck)).toHaveLength(1);
  });

  it('queues reading again when the job reading it has been active longer than reading can take (its worker died)', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'under_review' });
    const orphaned = await storeQueuedDocument(r, 20);
    const running = await storeQueuedDocument(r, 20, 'text-2.pdf');
    const active = (uploadId: string, minutesAgo: number) =>
      db()('pgboss.job').insert({ name: 'read-certificate', data: { requestId: r.requestId, uploadId }, state: 'active', singleton_key: uploadId, started_on: db().raw(`now() - interval '${minutesAgo} minutes'`) });
    await active(orphaned, 10);
    await active(running, 1);
    await sweepReads.run(stack.app.services, {});
    expect(await liveJobs('read-certificate', orphaned).where({ state: 'created' })).toHaveLength(1);
    expect(await liveJobs('read-certificate', running).where({ state: 'created' })).toHaveLength(0);
  });
});

describe('sweep-outbox', () => {
  it('keeps one live send-email job per email however often it runs', async () => {
    const r = await createTestRequest(stack.app.services);
    const emailId = await storeEmail(r);
    for (let i = 0; i < 4; i++) await sweepOutbox.run(stack.app.services, {});
    const jobs = await liveJobs('send-email', emailId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].singleton_key).toBe(emailId);
  });

  it('puts an email cut off mid-send back to queued once SMTP could no longer be talking, not before', async () => {
    const r = await createTestRequest(stack.app.services);
    const cutOff = await storeEmail(r, { status: 'sending', sendingMinutesAgo: 5 });
    const inFlight = await storeEmail(r, { status: 'sending', sendingMinutesAgo: 0 });
    await sweepOutbox.run(stack.app.services, {});
    expect((await db()('emails').where({ id: cutOff }).first()).status).toBe('queued');
    expect(await liveJobs('send-email', cutOff)).toHaveLength(1);
    expect((await db()('emails').where({ id: inFlight }).first()).status).toBe('sending');
    expect(await liveJobs('send-email', inFlight)).toHaveLength(0);
  });
});

describe('sweep-outbox for texts', () => {
  it('gives a text whose job is gone one job, and puts a text cut off mid-send back to queued', async () => {
    const r = await createTestRequest(stack.app.services);
    const text = async (status: string, sendingMinutesAgo: number | null) =>
      ((await db()('texts')
        .insert({
          company_id: r.companyId, request_id: r.requestId, kind: 'reminder', dedupe_key: `test:${randomUUID()}`, to_number: '+14155550123', body: 'Please upload', status,
          created_at: db().raw("now() - interval '5 minutes'"), sending_at: sendingMinutesAgo === null ? null : db().raw(`now() - interval '${sendingMinutesAgo} minutes'`),
        })
        .returning('id')) as { id: string }[])[0]!.id;
    const orphan = await text('queued', null);
    const cutOff = await text('sending', 5);
    const inFlight = await text('sending', 0);
    for (let i = 0; i < 3; i++) await sweepOutbox.run(stack.app.services, {});
    const textJobs = (id: string) => db()('pgboss.job').where({ name: 'send-text', singleton_key: id }).whereIn('state', ['created', 'retry', 'active']);
    expect(await textJobs(orphan)).toHaveLength(1);
    expect((await db()('texts').where({ id: cutOff }).first()).status).toBe('queued');
    expect(await textJobs(cutOff)).toHaveLength(1);
    expect((await db()('texts').where({ id: inFlight }).first()).status).toBe('sending');
    expect(await textJobs(inFlight)).toHaveLength(0);
  });
});

describe('send-email', () => {
  it('marks the email sending before SMTP, sent after, with a Message-ID from its dedupe key', async () => {
    const r = await createTestRequest(stack.app.services);
    const emailId = await storeEmail(r);
    expect(await sendEmail.run(stack.app.services, { emailId })).toEqual({ sent: 1, failed: 0 });
    const email = await db()('emails').where({ id: emailId }).first();
    expect(email).toMatchObject({ status: 'sent', sending_at: null, attempts: 1 });
    const message = seen.at(-1)!;
    expect(message.statusDuringSmtp).toBe('sending');
    expect(message.messageId).toBe(messageId(email.dedupe_key, 'coi@localhost'));
    // A second delivery of the job sends nothing.
    expect(await sendEmail.run(stack.app.services, { emailId })).toEqual({ sent: 0, failed: 0 });
  });
});
