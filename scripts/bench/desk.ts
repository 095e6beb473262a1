import { performance } from 'node:perf_hooks';
import { expiring, notResponding, reviewQueue, statusByProject, statusCounts, writeBackProblems } from '../../server/desk/overview-repository';
import type { DeskScope } from '../../server/desk/scope';
import { registerPage, streamRegister } from '../../server/desk/register-repository';
import { csvLine, registerCells } from '../../server/desk/csv';
import { benchDatabase } from './database';
import { benchCompany, seedDesk } from './desk-seed';

// npm run bench:desk [vendors] [projects] — the overview's queries for a company of 5,000
// vendors × 20 projects (every project's directory lists every vendor: 100,000 rows): each
// card's statement, and the whole overview as the API runs it (all cards at once), for the
// company and for one project. Median of five warm runs after one cold run.

const vendors = Number(process.argv[2] ?? 5000);
const projects = Number(process.argv[3] ?? 20);

async function time(fn: () => Promise<unknown>): Promise<{ cold: number; median: number }> {
  const t0 = performance.now();
  await fn();
  const cold = performance.now() - t0;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { cold, median: runs[2]! };
}

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

async function main() {
  const database = await benchDatabase();
  try {
    const t0 = performance.now();
    await seedDesk(database.db, vendors, projects);
    const rows = await database.db('coi_requests').count<{ count: string }[]>('* as count');
    console.log(`seeded ${vendors} vendors × ${projects} projects, ${rows[0]!.count} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const today = new Date().toISOString().slice(0, 10);
    for (const scope of [{ companyId: benchCompany, projectId: null }, { companyId: benchCompany, projectId: '100001' }] satisfies DeskScope[]) {
      const db = database.db;
      const label = scope.projectId ? 'project' : 'company';
      const cards: [string, () => Promise<unknown>][] = [
        ['counts by status', () => statusCounts(db, scope)],
        ['status by project', () => statusByProject(db, scope)],
        ['expiring 30/60/90', () => expiring(db, scope, today)],
        ['review queue', () => reviewQueue(db, scope)],
        ['not responding', () => notResponding(db, scope)],
        ['write-back problems', () => writeBackProblems(db, scope)],
      ];
      for (const [name, fn] of cards) {
        const t = await time(fn);
        console.log(`${label} ${name.padEnd(20)} cold ${ms(t.cold)}  warm ${ms(t.median)}`);
      }
      const all = await time(() => Promise.all(cards.map(([, fn]) => fn())));
      console.log(`${label} overview (all cards)   cold ${ms(all.cold)}  warm ${ms(all.median)}`);
    }
    const scope: DeskScope = { companyId: benchCompany, projectId: null };
    const filter = { sort: 'vendor' as const, direction: 'asc' as const };
    const first = await time(() => registerPage(database.db, scope, filter, today, 0, 200));
    console.log(`company register first page (200)  cold ${ms(first.cold)}  warm ${ms(first.median)}`);
    const expiringPage = await time(() => registerPage(database.db, scope, { ...filter, expiresWithin: '30' }, today, 0, 200));
    console.log(`register, expiring in 30 days       cold ${ms(expiringPage.cold)}  warm ${ms(expiringPage.median)}`);
    // The whole company register as CSV (100,000 rows with the defaults), as the export route writes it.
    const t0csv = performance.now();
    let firstByte = 0;
    let bytes = 0;
    const rowsOut = await streamRegister(database.db, scope, filter, today, async (batch) => {
      if (!firstByte) firstByte = performance.now() - t0csv;
      bytes += batch.map((r) => csvLine(registerCells(r))).join('').length;
    });
    console.log(`CSV export ${rowsOut} rows: first batch after ${ms(firstByte)}, all in ${ms(performance.now() - t0csv)} (${(bytes / 1e6).toFixed(1)} MB)`);
  } finally {
    await database.drop();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
