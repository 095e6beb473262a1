import type { Db } from '../db';

// SQL of nightly sync runs (table sync_runs): at most one open run per company.

export const syncPhases = ['directory', 'commitments', 'evaluate', 'repair'] as const;
export type SyncPhase = (typeof syncPhases)[number];

export interface SyncCounts {
  read: number;
  changed: number;
  written: number;
  skipped: number;
  failed: number;
}

export interface SyncRun {
  id: string;
  companyId: string;
  phase: SyncPhase;
  cursor: string | null;
  counts: SyncCounts;
  startedAt: Date;
  finishedAt: Date | null;
  resumed: boolean;
  /** Read only what Procore changed since then (null: everything). */
  changedSince: Date | null;
}

export const zeroCounts = (): SyncCounts => ({ read: 0, changed: 0, written: 0, skipped: 0, failed: 0 });

interface RunRow {
  id: string;
  company_id: string;
  phase: SyncPhase;
  cursor: string | null;
  counts: Partial<SyncCounts>;
  started_at: Date;
  finished_at: Date | null;
  changed_since: Date | null;
}

const toRun = (r: RunRow, resumed: boolean): SyncRun => ({
  id: String(r.id),
  companyId: String(r.company_id),
  phase: r.phase,
  cursor: r.cursor,
  counts: { ...zeroCounts(), ...r.counts },
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  resumed,
  changedSince: r.changed_since,
});

/** Slack for clocks: Procore's updated_at and ours are not the same clock. */
const clockSlackMs = 10 * 60_000;

/**
 * The company's unfinished run (resumed where it stopped), or a new one reading what changed
 * since the last finished run started (the last successful sync).
 */
export async function openRun(db: Db, companyId: string): Promise<SyncRun> {
  const open = (await db('sync_runs').where({ company_id: companyId }).whereNull('finished_at').first()) as RunRow | undefined;
  if (open) return toRun(open, true);
  const lastGood = (await db('sync_runs').where({ company_id: companyId }).whereNotNull('finished_at').orderBy('started_at', 'desc').first('started_at')) as
    | { started_at: Date }
    | undefined;
  const changedSince = lastGood ? new Date(lastGood.started_at.getTime() - clockSlackMs) : null;
  const [row] = (await db('sync_runs')
    .insert({ company_id: companyId, phase: syncPhases[0], counts: JSON.stringify(zeroCounts()), changed_since: changedSince })
    .onConflict(db.raw('(company_id) WHERE finished_at IS NULL'))
    .ignore()
    .returning('*')) as RunRow[];
  if (row) return toRun(row, false);
  return toRun((await db('sync_runs').where({ company_id: companyId }).whereNull('finished_at').first()) as RunRow, true);
}

export async function saveProgress(db: Db, run: SyncRun, error: string | null = null): Promise<void> {
  await db('sync_runs').where({ id: run.id }).update({ phase: run.phase, cursor: run.cursor, counts: JSON.stringify(run.counts), last_error: error });
}

export async function finishRun(db: Db, run: SyncRun): Promise<void> {
  await db('sync_runs').where({ id: run.id }).update({ phase: run.phase, cursor: null, counts: JSON.stringify(run.counts), finished_at: db.fn.now(), last_error: null });
}

/** When the company's last run started (the schedule runs once per local night). */
export async function lastRunStart(db: Db, companyId: string): Promise<Date | null> {
  const row = (await db('sync_runs').where({ company_id: companyId }).orderBy('started_at', 'desc').first('started_at')) as { started_at: Date } | undefined;
  return row?.started_at ?? null;
}
