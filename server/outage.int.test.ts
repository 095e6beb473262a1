import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../scripts/procore-emulator/index';
import { startMailSink } from '../scripts/procore-emulator/mail-sink';
import { createTestRequest, type TestRequest } from '../test/factories';
import { ownPostgres, startProcess, type OwnPostgres, type RunningProcess } from '../test/processes';
import { freePort } from '../test/stack';
import { waitFor } from '../test/wait';
import { createHash, randomUUID } from 'node:crypto';
import { flateBomb } from '../test/hostile-pdf';
import { createSealer } from './auth/crypto';
import { createDb, type Db } from './db';
import { unavailableMessage } from './outage';

// Crash test with real processes: an app server and a worker against a PostgreSQL of their
// own, which is stopped at once (as `pg_ctl stop -m immediate`) while certificates are being
// read. Both processes must live through it, answer 503 with a plain sentence meanwhile, and
// carry on by themselves once the database is back.

const secretKey = 'crash-test-secret-key-that-is-long-enough';
let pg: OwnPostgres;
let emulator: Emulator;
let mail: Awaited<ReturnType<typeof startMailSink>>;
let app: RunningProcess;
let worker: RunningProcess;
let appUrl: string;
let db: Db;

beforeAll(async () => {
  pg = await ownPostgres();
  mail = await startMailSink({ port: 0 });
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  emulator = await startEmulator({ port: 0, appUrl, clientId: 'crash-client', clientSecret: 'crash-secret', mail: () => mail.messages() });
  const env = {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: appUrl,
    DATABASE_URL: pg.url,
    SECRET_KEY: secretKey,
    PROCORE_CLIENT_ID: 'crash-client',
    PROCORE_CLIENT_SECRET: 'crash-secret',
    PROCORE_LOGIN_URL: emulator.url,
    PROCORE_API_URL: emulator.url,
    SMTP_URL: mail.url,
    LOG_LEVEL: 'warn',
  };
  app = await startProcess('test/app-process.ts', { ...env, WORKERS: 'off' }, /^ready /m);
  worker = await startProcess('server/worker.ts', { ...env, LOG_LEVEL: 'info' }, /workers started/);
  db = createDb(pg.url, { max: 2 });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await worker?.stop();
  await db?.destroy();
  await emulator?.close();
  await mail?.close();
  await pg?.close();
}, 60_000);

const certificate = (n = 1) => readFileSync(new URL(`../test/fixtures/certificates/text-${n}.pdf`, import.meta.url));

function upload(r: TestRequest, name: string, n = 1) {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(certificate(n))], { type: 'application/pdf' }), name);
  return fetch(`${appUrl}/api/portal/${r.token}/uploads`, { method: 'POST', body: form });
}

const readStatuses = async (r: TestRequest) => (await db('documents').where({ request_id: r.requestId }).pluck('read_status')) as string[];

describe('a PostgreSQL outage while jobs run', () => {
  it('is lived through: 503 with a plain sentence while down, and work resumes by itself', async () => {
    const sealer = createSealer(secretKey);
    const before = await createTestRequest({ db, sealer });
    for (let i = 1; i <= 3; i++) expect((await upload(before, `certificate-${i}.pdf`, i)).status).toBe(200);
    // The worker is reading (each read in its own process) when the database goes.
    await waitFor(async () => (await readStatuses(before)).length === 3, 10_000, 'uploads stored');
    await pg.crash();
    await db.destroy();

    const portal = await fetch(`${appUrl}/api/portal/${before.token}`);
    expect(portal.status).toBe(503);
    expect(await portal.json()).toEqual({ error: { code: 'unavailable', message: unavailableMessage } });
    const refused = await upload(before, 'during.pdf');
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(unavailableMessage);
    // Long enough for the worker to poll, finish its reads and fail to record them several times over.
    for (let i = 0; i < 20; i++) {
      expect((await fetch(`${appUrl}/api/health`)).status).toBe(503);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(app.alive(), app.output().slice(-3000)).toBe(true);
    expect(worker.alive(), worker.output().slice(-3000)).toBe(true);

    await pg.start();
    db = createDb(pg.url, { max: 2 });
    await waitFor(async () => (await fetch(`${appUrl}/api/portal/${before.token}`).catch(() => null))?.status === 200, 30_000, 'portal back');
    const after = await createTestRequest({ db, sealer });
    expect((await upload(after, 'after.pdf')).status).toBe(200);
    await waitFor(async () => (await readStatuses(after))[0] === 'read', 60_000, 'the upload after the outage read');
    expect(app.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
  }, 180_000);
});

describe('a Flate bomb that got past the upload check (defect 1)', () => {
  it('does not take the worker down: it is not read, goes to a person, and the sub is asked for a normal PDF', async () => {
    const r = await createTestRequest({ db, sealer: createSealer(secretKey) }, { status: 'under_review' });
    const bytes = await flateBomb();
    const uploadId = randomUUID();
    await db('documents').insert({
      company_id: r.companyId,
      request_id: r.requestId,
      upload_id: uploadId,
      filename: 'bomb.pdf',
      content_type: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      bytes,
    });
    // Queued for the running worker as the portal queues an upload.
    await db('pgboss.job').insert({ name: 'read-certificate', data: { requestId: r.requestId, uploadId }, singleton_key: uploadId });
    await waitFor(async () => (await readStatuses(r))[0] === 'failed', 60_000, 'the bomb marked failed');
    expect((await db('documents').where({ upload_id: uploadId }).first('read_error')).read_error).toMatch(/^unsafe_pdf: /);
    expect(await db('emails').where({ request_id: r.requestId, kind: 'unreadable' })).toHaveLength(1);
    expect(worker.alive(), worker.output().slice(-3000)).toBe(true);
    expect(app.alive()).toBe(true);
  }, 90_000);
});
