import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { createServices } from '../../server/services';
import { nightlySync } from '../../server/sync/nightly';
import { startEmulator } from '../procore-emulator/index';
import { startMailSink } from '../procore-emulator/mail-sink';
import { COMPANY_A } from '../procore-emulator/seed-people';
import { benchDatabase } from './database';

// npm run bench:sync — the nightly sync of one company against the emulator with 5,000 vendors
// and 20 projects: Procore calls made against the fewest the same reads need (every list at its
// largest page size, one call for an empty list), and the wall time; then a second run, which
// reads only what changed since the first where Procore's updated_at filter allows.
// Needs DATABASE_URL or runs an embedded PostgreSQL.

const vendorCount = Number(process.argv[2] ?? 5000);
const projectCount = Number(process.argv[3] ?? 20);
const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

async function main() {
  const database = await benchDatabase();
  const sink = await startMailSink({ port: 0 });
  const emulator = await startEmulator({
    port: 0,
    appUrl: 'http://localhost:3999',
    clientId: 'bench',
    clientSecret: 'bench-secret',
    vendors: vendorCount,
    // The twenty projects are the three named ones plus seventeen more.
    extraProjects: Math.max(0, projectCount - 3),
    rateLimit: { spike: 100_000, hourly: 1_000_000 },
  });
  try {
    const config = loadConfig({
      NODE_ENV: 'test', APP_URL: 'http://localhost:3999', LOG_LEVEL: 'warn', DATABASE_URL: database.url,
      SECRET_KEY: 'bench-secret-key-bench-secret-key-123456', PROCORE_CLIENT_ID: 'bench', PROCORE_CLIENT_SECRET: 'bench-secret',
      PROCORE_LOGIN_URL: emulator.url, PROCORE_API_URL: emulator.url, SMTP_URL: sink.url,
    });
    const s = createServices(config, database.db, createLogger('warn'), config.secretKey!);
    s.enqueue = async () => undefined;
    s.enqueueMany = async () => undefined;
    const companyId = String(COMPANY_A);
    await database.db('companies').insert({ id: companyId, name: 'Summit Ridge Builders' });
    const token = await s.oauth.clientCredentials();
    await database.db('company_grants').insert({
      company_id: companyId, kind: 'dmsa', connected_by_name: 'bench', access_token_enc: s.sealer.seal(token.access_token),
      expires_at: new Date(Date.now() + token.expires_in * 1000),
    });

    const st = emulator.state;
    const projects = st.projects.filter((p) => p.company_id === COMPANY_A && p.active);
    // The fewest calls the run's reads need: every list at its largest page size, one call for an
    // empty list; with `since`, the lists that take Procore's updated_at filter hold only what changed.
    const changed = (stamp: string, since: Date | null) => !since || Date.parse(stamp) >= since.getTime();
    const minimum = (since: Date | null) => {
      const vendors = [...st.vendors.values()].filter((v) => v.company_id === COMPANY_A && v.is_active !== false && changed(v.updated_at, since)).length;
      const contracts = (pid: number, kind: string) =>
        [...st.commitments.values()].filter((c) => c.project_id === pid && c.kind === kind && c.deleted_at === null && changed(c.updated_at, since)).length;
      return (
        pages(projects.filter((p) => changed(p.updated_at, since)).length, 300) +
        pages(vendors, 1000) +
        projects.reduce((n, p) => n + pages(st.directories.get(p.id)?.size ?? 0, 1000), 0) +
        projects.reduce((n, p) => n + pages(contracts(p.id, 'work_order'), 100) + pages(contracts(p.id, 'purchase_order'), 100), 0)
      );
    };

    for (const label of ['first run', 'second run']) {
      const run = await database.db('sync_runs').where({ company_id: companyId }).whereNotNull('finished_at').orderBy('started_at', 'desc').first('started_at');
      // A run reads what changed since the last finished run started (less ten minutes for clocks).
      const since = run ? new Date((run.started_at as Date).getTime() - 10 * 60_000) : null;
      const least = minimum(since);
      const before = emulator.restCalls();
      const t0 = performance.now();
      const { counts } = await nightlySync(s, companyId);
      const ms = performance.now() - t0;
      const calls = emulator.restCalls() - before;
      console.log(
        `bench:sync ${label}: ${vendorCount} vendors, ${projects.length} projects: ${calls} Procore calls, minimum ${least} (${(calls / least).toFixed(2)}x), ` +
          `${(ms / 1000).toFixed(2)} s; read ${counts.read}, changed ${counts.changed}, written ${counts.written}, skipped ${counts.skipped}, failed ${counts.failed}`,
      );
    }
  } finally {
    await emulator.close();
    await sink.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
