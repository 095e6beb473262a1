import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink } from '../../scripts/procore-emulator/mail-sink';
import { createTestRequest, type TestRequest } from '../../test/factories';
import { startProcess, type RunningProcess } from '../../test/processes';
import { freePort, startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { sendEmailRetries } from './send-email';
import { sweepOutbox } from './sweep-outbox';

// Crash test with real processes: a worker (npm run worker) sends a batch of emails and is
// killed (SIGKILL) mid-batch; another worker and the outbox sweep finish the job. Every email
// arrives, at most one twice (the one whose SMTP exchange the crash cut off after delivery),
// and a repeat carries the same Message-ID. Then mail goes down: however often the sweep runs,
// each email has one live job, and when mail is back each arrives once.

let stack: Stack;
const workers: RunningProcess[] = [];
beforeAll(async () => {
  stack = await startStack({ env: { WORKERS: 'off' } });
}, 120_000);
afterAll(async () => {
  for (const w of workers) await w.stop();
  await stack?.close();
}, 60_000);

function workerEnv(smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: stack.database.url,
    SECRET_KEY: 'test-secret-key-that-is-long-enough-123',
    PROCORE_CLIENT_ID: 'test-client',
    PROCORE_CLIENT_SECRET: 'test-secret',
    PROCORE_LOGIN_URL: stack.emulator.url,
    PROCORE_API_URL: stack.emulator.url,
    APP_URL: stack.app.url,
    SMTP_URL: smtpUrl,
    LOG_LEVEL: 'info',
  };
}

async function startWorker(smtpUrl: string): Promise<RunningProcess> {
  const w = await startProcess('server/worker.ts', workerEnv(smtpUrl), /workers started/);
  workers.push(w);
  return w;
}

async function queueEmails(r: TestRequest, n: number, tag: string): Promise<string[]> {
  const rows = (await stack.database.db('emails')
    .insert(
      Array.from({ length: n }, (_, i) => ({
        company_id: r.companyId,
        request_id: r.requestId,
        kind: 'request',
        dedupe_key: `crash:${tag}:${i}:${randomUUID()}`,
        from_name: r.gcName,
        to_addresses: [r.recipientEmail],
        subject: `${tag} ${i}`,
        text_body: `Email ${i}`,
        html_body: `<p>Email ${i}</p>`,
      })),
    )
    .returning('id')) as { id: string }[];
  const ids = rows.map((row) => row.id);
  await stack.app.services.enqueueMany('send-email', ids.map((emailId) => ({ emailId })), sendEmailRetries);
  return ids;
}

const statuses = async (ids: string[]) => (await stack.database.db('emails').whereIn('id', ids).pluck('status')) as string[];
const liveJobs = async (ids: string[]) =>
  Number(
    (
      await stack.database.db('pgboss.job').where({ name: 'send-email' }).whereIn('state', ['created', 'retry', 'active']).whereIn('singleton_key', ids).count<{ count: string }[]>('* as count')
    )[0]!.count,
  );

describe('emails through a crash', () => {
  it('are all delivered after a worker is killed mid-batch, with at most one repeat per crash, under one Message-ID', async () => {
    const r = await createTestRequest(stack.app.services);
    const ids = await queueEmails(r, 40, 'kill');
    const first = await startWorker(stack.mail.url);
    await waitFor(() => stack.mail.messages().filter((m) => m.subject.startsWith('kill ')).length >= 10, 60_000, 'a first part of the batch');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => (first.alive() ? first.child.once('exit', resolve) : resolve(null)));

    // Minutes pass (as the sweep sees them): the dead worker's "sending" emails and "active" jobs grow old.
    await stack.database.db('emails').whereIn('id', ids).update({ created_at: stack.database.db.raw("now() - interval '10 minutes'") });
    await stack.database.db('emails').whereIn('id', ids).where({ status: 'sending' }).update({ sending_at: stack.database.db.raw("now() - interval '10 minutes'") });
    await stack.database.db('pgboss.job').where({ name: 'send-email', state: 'active' }).update({ started_on: stack.database.db.raw("now() - interval '10 minutes'") });
    await sweepOutbox.run(stack.app.services, {});
    const second = await startWorker(stack.mail.url);
    await waitFor(async () => (await statuses(ids)).every((s) => s === 'sent'), 90_000, 'every email sent');
    await second.stop();

    const delivered = stack.mail.messages().filter((m) => m.subject.startsWith('kill '));
    const bySubject = new Map<string, Set<string>>();
    for (const m of delivered) bySubject.set(m.subject, (bySubject.get(m.subject) ?? new Set()).add(m.messageId ?? ''));
    expect(bySubject.size).toBe(40);
    expect(delivered.length - bySubject.size).toBeLessThanOrEqual(1);
    for (const idsOfSubject of bySubject.values()) expect(idsOfSubject.size).toBe(1);
  }, 240_000);

  it('keep one live job each while mail is down, and each arrives once when it is back', async () => {
    const port = await freePort();
    const r = await createTestRequest(stack.app.services);
    const ids = await queueEmails(r, 20, 'down');
    await startWorker(`smtp://127.0.0.1:${port}`);
    await waitFor(async () => (await stack.database.db('emails').whereIn('id', ids).where('attempts', '>', 0).count<{ count: string }[]>('* as count'))[0]!.count === '20', 60_000, 'a first failed attempt of each');
    await stack.database.db('emails').whereIn('id', ids).update({ created_at: stack.database.db.raw("now() - interval '10 minutes'") });
    for (let i = 0; i < 5; i++) {
      await sweepOutbox.run(stack.app.services, {});
      expect(await liveJobs(ids)).toBeLessThanOrEqual(20);
    }
    const late = await startMailSink({ port });
    try {
      await waitFor(async () => (await statuses(ids)).every((s) => s === 'sent'), 150_000, 'every email sent once mail is back');
      const subjects = late.messages().map((m) => m.subject).filter((s) => s.startsWith('down '));
      expect(subjects).toHaveLength(20);
      expect(new Set(subjects).size).toBe(20);
    } finally {
      await late.close();
    }
  }, 240_000);
});
