import type { Knex } from 'knex';
import type { Db } from '../db';

// Intents to write a request's state to Procore (table procore_writebacks). Written in the same
// transaction as the change that causes them; the procore-writeback job carries them out.

type Conn = Db | Knex.Transaction;

/** Procore's records of this request must be brought up to date. */
export async function wantWriteBack(trx: Knex.Transaction, companyId: string, requestId: string): Promise<void> {
  await trx.raw(
    `INSERT INTO procore_writebacks (request_id, company_id) VALUES (?, ?)
     ON CONFLICT (request_id) DO UPDATE SET wanted = procore_writebacks.wanted + 1, updated_at = now()`,
    [requestId, companyId],
  );
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
    .update({ failures: db.raw('failures + 1'), last_error: error, waiting_for_grant: waitingForGrant, claimed_until: null });
}

/** Intents not yet carried out, oldest first (the sweep re-enqueues them). */
export async function dueIntents(db: Conn, limit: number, companyId?: string): Promise<{ requestId: string; companyId: string }[]> {
  const q = db('procore_writebacks').whereRaw('done < wanted').orderBy('updated_at').limit(limit).select('request_id', 'company_id');
  if (companyId) q.where({ company_id: companyId });
  const rows = (await q) as { request_id: string; company_id: string }[];
  return rows.map((r) => ({ requestId: r.request_id, companyId: String(r.company_id) }));
}
