import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import PgBoss from 'pg-boss';
import { startEmulator } from '../procore-emulator/index';
import { startMailSink } from '../procore-emulator/mail-sink';
import { COMPANY_A, USER_ADMIN } from '../procore-emulator/seed-people';
import { freePort, signInThroughEmulator } from '../../test/stack';
import { resolveUploadLink } from '../../server/portal/links';
import type { Directory } from '../../server/contracts/directory';
import { benchDatabase } from './database';
import { startProxy } from './proxy';
import { watchRss } from './rss';
import { managed, type Managed } from './cluster-processes';
import { postFile, senderAddress } from './upload-client';
import { countBy, duplicateEmails, failureCodes, lostUploads, percentile, unsettledUploads, uploadOutcomes } from './cluster-figures';

// npm run bench:cluster [-- --requests 500 --uploads 500 --scanned 10 --subs 8 --readers N --max-minutes 30 --settle-minutes 20]
// Two app servers (WORKERS=off) and two workers (npm run worker) against one PostgreSQL
// (DATABASE_URL's server, else an embedded one), the Procore emulator and an SMTP sink, behind a
// round-robin proxy on loopback. A manager requests certificates through the API; subs upload
// from the links in their emails (a few scanned certificates among text ones); reminders run
// twice; halfway through, one worker and one app server are killed (SIGKILL) and restarted.
// Prints throughput, upload → verdict, peak memory, duplicate emails and lost uploads; exits
// non-zero when duplicates exceed crashes or an acknowledged upload was lost.

const { values: flags } = parseArgs({
  options: {
    requests: { type: 'string', default: '500' },
    uploads: { type: 'string', default: '500' },
    scanned: { type: 'string', default: '10' },
    subs: { type: 'string', default: '8' },
    readers: { type: 'string' },
    // Uploads are acknowledged in about a minute; reading them all happens after, within this wait.
    'settle-minutes': { type: 'string', default: '20' },
    'max-minutes': { type: 'string', default: '30' },
  },
});
const requestCount = Number(flags.requests);
const uploadCount = Math.min(Number(flags.uploads), requestCount);
const scannedCount = Math.min(Number(flags.scanned), uploadCount);
const subs = Number(flags.subs);
const settleMs = Number(flags['settle-minutes']) * 60_000;
/** No upload starts after this (a busy machine still reports what it did). */
const maxUploadMs = Number(flags['max-minutes']) * 60_000;

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/certificates');
const files = readdirSync(fixtures).filter((f) => f.endsWith('.pdf'));
const textFiles = files.filter((f) => /^(text|text-2010|text-2014|acroform|flattened|vector-text|letter-spaced)-\d+\.pdf$/.test(f));
const scannedFiles = files.filter((f) => /^scanned-\d+\.pdf$/.test(f));
/** Upload i is a scan when it is one of `scannedCount` spread evenly over the run. */
const isScan = (i: number) => Math.floor(((i + 1) * scannedCount) / uploadCount) > Math.floor((i * scannedCount) / uploadCount);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secret = { SECRET_KEY: 'cluster-bench-secret-key-that-is-long-enough', clientId: 'bench-client', clientSecret: 'bench-secret' };

async function main() {
  const database = await benchDatabase();
  const mail = await startMailSink({ port: 0, keep: 1_000_000 });
  const appPorts = [await freePort(), await freePort()];
  const proxy = await startProxy(appPorts.map((p) => `http://127.0.0.1:${p}`));
  const emulator = await startEmulator({
    port: 0,
    appUrl: proxy.url,
    clientId: secret.clientId,
    clientSecret: secret.clientSecret,
    mail: () => mail.messages(),
    vendors: requestCount + 200,
    rateLimit: { spike: 100_000, hourly: 1_000_000 },
  });
  const env = {
    NODE_ENV: 'test',
    APP_URL: proxy.url,
    DATABASE_URL: database.url,
    SECRET_KEY: secret.SECRET_KEY,
    PROCORE_CLIENT_ID: secret.clientId,
    PROCORE_CLIENT_SECRET: secret.clientSecret,
    PROCORE_LOGIN_URL: emulator.url,
    PROCORE_API_URL: emulator.url,
    PROCORE_FRAME_ORIGINS: new URL(emulator.url).origin,
    SMTP_URL: mail.url,
    LOG_LEVEL: 'warn',
  };
  const rss = watchRss();
  const processes: Managed[] = [];
  const boss = new PgBoss({ connectionString: database.url, schema: 'pgboss', supervise: false, schedule: false, migrate: false });
  let exitCode: number;
  try {
    for (const [i, port] of appPorts.entries()) {
      processes.push(await managed(`app-${i + 1}`, 'test/app-process.ts', { ...env, PORT: String(port), HOST: '127.0.0.1', WORKERS: 'off' }, /^ready /m, rss));
    }
    // Two workers share this machine's cores: each reads as many at once as its share of them.
    const readers = String(flags.readers ?? Math.max(1, Math.floor(availableParallelism() / 2)));
    for (const i of [1, 2]) {
      processes.push(await managed(`worker-${i}`, 'server/worker.ts', { ...env, LOG_LEVEL: 'info', READERS_PER_WORKER: readers }, /workers started/, rss));
    }
    await boss.start();
    const [app1, , worker1] = processes as [Managed, Managed, Managed, Managed];
    console.log(`cluster: 2 app servers, 2 workers (READERS_PER_WORKER=${readers}), proxy ${proxy.url}, database ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}`);
    console.log(`driving ${requestCount} requests, ${uploadCount} uploads (${scannedCount} scanned), reminders; one worker and one app server killed halfway`);

    const token = await signInThroughEmulator(proxy.url, USER_ADMIN);
    const api = (p: string, init: RequestInit = {}) =>
      fetch(`${proxy.url}/api/companies/${COMPANY_A}${p}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    const dir = ((await (await api('/vendors')).json()) as { data: Directory }).data;
    const vendorIds = dir.vendors.filter((v) => v.emailValid).slice(0, requestCount).map((v) => v.vendorId);
    if (vendorIds.length < requestCount) throw new Error(`only ${vendorIds.length} vendors with an email address`);

    // The manager: clicks of 10 vendors, four managers at once; a click that fails is clicked again (creation is idempotent).
    const clicks: (typeof vendorIds)[] = [];
    for (let i = 0; i < vendorIds.length; i += 10) clicks.push(vendorIds.slice(i, i + 10));
    let clickRetries = 0;
    const tRequests = performance.now();
    let requestsMs = 0;
    const requesting = (async () => {
      const next = async (): Promise<void> => {
        const click = clicks.shift();
        if (!click) return;
        for (let attempt = 0; ; attempt++) {
          const res = await api('/requests', { method: 'POST', body: JSON.stringify({ vendorIds: click }) }).catch(() => null);
          if (res?.ok) break;
          if (attempt >= 5) throw new Error(`a request click failed ${attempt + 1} times: ${res?.status} ${await res?.text()}`);
          clickRetries += 1;
          await sleep(500);
        }
        return next();
      };
      await Promise.all(Array.from({ length: 4 }, next));
      requestsMs = performance.now() - tRequests;
    })();

    // Subs: each link from the first email that carries it; one upload per request.
    const acknowledged = new Map<string, number>();
    const answers = new Map<number, number>();
    let uploadRetries = 0;
    let started = 0;
    const seenLinks = new Set<string>();
    const links: string[] = [];
    const tUploads = performance.now();
    let uploadsMs = 0;
    // Milestones, each once: reminders at a quarter and three quarters, the crash halfway.
    const passed = new Set<string>();
    const once = (name: string, at: number) => acknowledged.size >= at && !passed.has(name) && Boolean(passed.add(name));
    const milestones = async () => {
      if (once('remind-4', uploadCount / 4)) await remind(boss, 4);
      if (once('crash', uploadCount / 2)) {
        console.log(`crash: SIGKILL ${worker1.name} and ${app1.name} after ${acknowledged.size} acknowledged uploads; both restarted`);
        await Promise.all([worker1.crashAndRestart(), app1.crashAndRestart()]);
      }
      if (once('remind-8', (uploadCount * 3) / 4)) await remind(boss, 8);
    };
    const uploadOne = async (i: number, link: string) => {
      const file = isScan(i) ? scannedFiles[i % scannedFiles.length]! : textFiles[i % textFiles.length]!;
      const bytes = readFileSync(path.join(fixtures, file));
      for (let attempt = 0; ; attempt++) {
        const answer = await postFile(`${proxy.url}/api/portal/${link}/uploads`, senderAddress(i), file, bytes);
        answers.set(answer.status, (answers.get(answer.status) ?? 0) + 1);
        if (answer.status === 200) {
          acknowledged.set(link, i);
          return;
        }
        // A sub whose upload failed (a server died under it, or "try again") sends it again.
        if (attempt >= 5 || (answer.status >= 400 && answer.status < 500 && answer.status !== 429)) {
          console.log(`upload ${i} (${file}) not acknowledged: ${answer.status} ${answer.body.slice(0, 200)}`);
          return;
        }
        uploadRetries += 1;
        await sleep(answer.status === 429 ? 5000 : 1000);
      }
    };
    const sub = async (): Promise<void> => {
      while (started < uploadCount && performance.now() - tUploads < maxUploadMs) {
        for (const m of mail.messages().slice(0)) {
          for (const match of m.text.matchAll(/\/portal\/([A-Za-z0-9_-]{43})/g)) {
            if (!seenLinks.has(match[1]!)) {
              seenLinks.add(match[1]!);
              links.push(match[1]!);
            }
          }
        }
        if (started >= links.length) {
          await sleep(200);
          continue;
        }
        const i = started++;
        await uploadOne(i, links[i]!);
        await milestones();
      }
    };
    const progress = setInterval(() => {
      void countBy(database.db, 'documents', 'read_status').then((docs) =>
        console.log(`… ${((performance.now() - tUploads) / 1000).toFixed(0)} s: ${acknowledged.size} uploads acknowledged; documents: ${docs}`),
      );
    }, 60_000);
    await Promise.all([requesting, ...Array.from({ length: subs }, sub)]).finally(() => clearInterval(progress));
    uploadsMs = performance.now() - tUploads;

    // Settle: every acknowledged upload read to a verdict (or to a person), every email out.
    const requestIds: string[] = [];
    for (const link of acknowledged.keys()) {
      const target = await resolveUploadLink(database.db, link);
      if (target) requestIds.push(target.requestId);
    }
    const deadline = Date.now() + settleMs;
    let outcomes = await uploadOutcomes(database.db, requestIds);
    for (;;) {
      const unsent = Number((await database.db('emails').whereNot({ status: 'sent' }).count<{ count: string }[]>('* as count'))[0]!.count);
      if ((unsettledUploads(outcomes) === 0 && unsent === 0) || Date.now() > deadline) break;
      await sleep(2000);
      outcomes = await uploadOutcomes(database.db, requestIds);
    }
    const settledMs = performance.now() - tUploads;

    const crashes = 2;
    const lost = lostUploads(outcomes);
    const latencies = outcomes.flatMap((o) => (o.toVerdictMs === null ? [] : [o.toVerdictMs / 1000]));
    const messages = mail.messages();
    const duplicates = duplicateEmails(messages);
    const created = Number((await database.db('coi_requests').count<{ count: string }[]>('* as count'))[0]!.count);
    const f1 = (n: number) => n.toFixed(1);
    console.log('');
    console.log(`requests: ${created} created through the API in ${f1(requestsMs / 1000)} s = ${f1((created / requestsMs) * 1000)} requests/s (${clickRetries} clicks repeated)`);
    if (started < uploadCount) console.log(`stopped starting uploads after ${flags['max-minutes']} minutes (--max-minutes): ${started} of ${uploadCount} started`);
    console.log(`uploads: ${acknowledged.size} acknowledged of ${uploadCount} in ${f1(uploadsMs / 1000)} s = ${f1((acknowledged.size / uploadsMs) * 1000)} uploads/s (answers: ${[...answers].map(([s, n]) => `${s}×${n}`).join(', ')}; ${uploadRetries} sent again)`);
    console.log(`upload → verdict: p50 ${f1(percentile(latencies, 50))} s, p95 ${f1(percentile(latencies, 95))} s, max ${f1(percentile(latencies, 100))} s; all settled ${f1(settledMs / 1000)} s after the first upload`);
    console.log(`documents: ${await countBy(database.db, 'documents', 'read_status')}; failed by code: ${await failureCodes(database.db)}`);
    console.log(`requests by status: ${await countBy(database.db, 'coi_requests', 'status')}`);
    console.log(`emails: ${await countBy(database.db, 'emails', 'kind')}; outbox: ${await countBy(database.db, 'emails', 'status')}; reminder runs (+4 and +8 days): ${[...passed].filter((m) => m.startsWith('remind')).length}`);
    console.log('peak RSS (MB, process / largest reader child):');
    for (const [name, peak] of [...rss.peaks()].sort()) console.log(`  ${name}: ${peak.own.toFixed(0)} / ${peak.child.toFixed(0)}`);
    console.log(`crashes: ${crashes}; proxy 502s: ${proxy.failed()}`);
    console.log(`duplicate emails at the SMTP sink: ${duplicates} of ${messages.length} (must be ≤ ${crashes})`);
    const backlog = unsettledUploads(outcomes) - lost;
    console.log(`lost uploads: ${lost} (must be 0)${backlog ? `; ${backlog} still being read when --settle-minutes ran out` : ''}`);
    exitCode = duplicates <= crashes && lost === 0 && backlog === 0 && acknowledged.size > 0 ? 0 : 1;
    console.log(exitCode === 0 ? 'bench:cluster green' : 'bench:cluster FAILED');
  } finally {
    rss.stop();
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    for (const p of processes) await p.stop();
    await proxy.close();
    await emulator.close();
    await mail.close();
    await database.drop();
  }
  process.exitCode = exitCode;
}

/** Runs the reminder schedule as if `days` had passed since the requests went out. */
async function remind(boss: PgBoss, days: number): Promise<void> {
  await boss.send('send-reminders', { now: new Date(Date.now() + days * 86_400_000).toISOString() });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
