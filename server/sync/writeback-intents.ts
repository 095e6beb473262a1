import type { Knex } from 'knex';
import type { Db } from '../db';

// Intents to write a request's state to Procore (table procore_writebacks). Written in the same
// transaction as the change that causes them; the procore-writeback job carries them out.

type Conn = Db | Knex.Transaction;

export const writeBackChannel = 'procore_writeback';

/** Procore's records of this request must be brought up to date. */
export async function wantWriteBack(trx: Knex.Transaction, companyId: string, requestId: string): Promise<void> {
  await trx.raw(
    `INSERT INTO procore_writebacks (request_id, company_id) VALUES (?, ?)
     ON CONFLICT (request_id) DO UPDATE SET wanted = procore_writebacks.wanted + 1, updated_at = now()`,
    [requestId, companyId],
  );
  // Delivered only if the transaction commits: workers listening enqueue the write at once.
  await trx.raw('SELECT pg_notify(?, ?)', [writeBackChannel, JSON.stringify({ companyId, requestId })]);
}

export interface WriteBackIntent {
  requestId: string;
  companyId: string;
  wanted: number;
  done: number;
  failures: number;
  lastError: string | null;
  waitingForGrant: boolean;
  writtenAt: Date | null;
}

interface IntentRow {
  request_id: string;
  company_id: string;
  wanted: number;
  done: number;
  failures: number;
  last_error: string | null;
  waiting_for_grant: boolean;
  written_at: Date | null;
}

const toIntent = (r: IntentRow): WriteBackIntent => ({
  requestId: r.request_id,
  companyId: String(r.company_id),
  wanted: r.wanted,
  done: r.done,
  failures: r.failures,
  lastError: r.last_error,
  waitingForGrant: r.waiting_for_grant,
  writtenAt: r.written_at,
});

/**
 * Takes the intent for one run under a lease (no row lock is held while Procore is called, so a
 * status change is never blocked by a slow write); null when there is nothing to do or another
 * worker holds it.
 */
export async function claimIntent(db: Conn, requestId: string, leaseSeconds = 300): Promise<WriteBackIntent | null> {
  const rows = (await db('procore_writebacks')
    .where({ request_id: requestId })
    .whereRaw('done < wanted')
    .where((w) => w.whereNull('claimed_until').orWhere('claimed_until', '<', db.fn.now()))
    .update({ claimed_until: db.raw(`now() + interval '${Math.round(leaseSeconds)} seconds'`) })
    .returning('*')) as IntentRow[];
  return rows[0] ? toIntent(rows[0]) : null;
}

export async function findIntent(db: Conn, companyId: string, requestId: string): Promise<WriteBackIntent | null> {
  const row = (await db('procore_writebacks').where({ company_id: companyId, request_id: requestId }).first()) as IntentRow | undefined;
  return row ? toIntent(row) : null;
}

/** The state as of `version` is in Procore; a later change keeps the intent due. */
export async function markWritten(db: Conn, requestId: string, version: number): Promise<void> {
  await db('procore_writebacks')
    .where({ request_id: requestId })
    .update({ done: db.raw('GREATEST(done, ?)', [version]), failures: 0, last_error: null, waiting_for_grant: false, claimed_until: null, written_at: db.fn.now() });
}

export async function markFailed(db: Conn, requestId: string, error: string, waitingForGrant: boolean): Promise<void> {
  await db('procore_writebacks')
    .where({ request_id: requestId })
    .update({ failures: db.raw('failures + 1'), last_error: error, waiting_for_grant: waitingForGrant, claimed_until: null, updated_at: db.fn.now() });
}

/** Intents not yet carried out and left alone for a minute, oldest first (the sweep re-enqueues them). */
export async function dueIntents(db: Conn, limit: number, companyId?: string, o: { includeRecent?: boolean } = {}): Promise<{ requestId: string; companyId: string }[]> {
  const q = db('procore_writebacks')
    .whereRaw('done < wanted')
    .where({ waiting_for_grant: false })
    .where('updated_at', '<', db.raw(o.includeRecent ? 'now()' : "now() - interval '1 minute'"))
    .where((w) => w.whereNull('claimed_until').orWhere('claimed_until', '<', db.fn.now()))
    .orderBy('updated_at')
    .limit(limit)
    .select('request_id', 'company_id');
  if (companyId) q.where({ company_id: companyId });
  const rows = (await q) as { request_id: string; company_id: string }[];
  return rows.map((r) => ({ requestId: r.request_id, companyId: String(r.company_id) }));
}

/** A grant was connected: everything that waited for one is due again. */
export async function releaseWaiting(db: Conn, companyId: string): Promise<number> {
  return db('procore_writebacks').where({ company_id: companyId, waiting_for_grant: true }).update({ waiting_for_grant: false });
}

/** What the panel says about Procore's copy of this request; null when nothing was ever to be written. */
export function describeIntent(i: WriteBackIntent | null): { state: 'written' | 'pending' | 'retrying' | 'reconnect'; message: string; writtenAt: string | null } | null {
  if (!i) return null;
  const writtenAt = i.writtenAt ? i.writtenAt.toISOString() : null;
  if (i.done >= i.wanted) return { state: 'written', message: 'Procore is up to date.', writtenAt };
  if (i.waitingForGrant) return { state: 'reconnect', message: 'Procore not updated: reconnect. A company admin connects the service account in Settings.', writtenAt };
  if (i.failures > 0) return { state: 'retrying', message: `Procore not updated yet; trying again (${i.lastError ?? 'Procore did not answer'}).`, writtenAt };
  return { state: 'pending', message: 'Procore is being updated.', writtenAt };
}

export async function waitingCount(db: Conn, companyId: string): Promise<number> {
  const row = (await db('procore_writebacks').where({ company_id: companyId, waiting_for_grant: true }).whereRaw('done < wanted').count<{ count: string }[]>('* as count'))[0];
  return Number(row?.count ?? 0);
}
