import type { Knex } from 'knex';
import type { Db } from '../db';
import type { CoiStatus } from '../contracts/directory';
import type { RegisterFilter, RegisterRow } from '../contracts/desk';
import { silentAfterReminders, writeBackProblem } from './overview-repository';
import { scopedRows, type DeskScope, type SqlPart } from './scope';

// The compliance register: every vendor × project with its status, why, the certificate's
// policies and end date, and the last activity, filtered, searched and sorted in SQL. Pages for
// the screen; a server-side cursor for exports, so 50,000 rows stream without being held.

const sortColumns: Record<RegisterFilter['sort'], string> = {
  vendor: 'lower(v.name)',
  project: 'lower(p.name)',
  status: 's.status',
  expires: 'd.ends_on',
  activity: 'r.updated_at',
};

/** The company id written into the statement: it was checked to be digits only (a Procore id). */
function companyLiteral(companyId: string): string {
  if (!/^[1-9]\d{0,18}$/.test(companyId)) throw new Error('company id must be digits');
  return companyId;
}

const newestCertificate = (alias: string, request: string) => `LEFT JOIN LATERAL (
        SELECT dd.ends_on, dd.extraction FROM documents dd
         WHERE dd.company_id = ${request}.company_id AND dd.request_id = ${request}.id AND dd.read_status = 'read'
         ORDER BY dd.created_at DESC LIMIT 1) ${alias} ON true`;

/**
 * The register's rows in order: first the filtered, sorted keys (the certificate is looked at
 * only when the filter or sort needs its end date), then, for the rows asked for (`page`, a
 * LIMIT/OFFSET or nothing), the certificate's policies and the latest check.
 */
export function registerSql(scope: DeskScope, f: RegisterFilter, today: string, page = ''): SqlPart {
  const w = scopedRows(scope);
  const where: string[] = [];
  const bindings: unknown[] = [...w.bindings, scope.companyId, scope.companyId];
  const needsEnds = Boolean(f.expiresWithin) || f.sort === 'expires';
  if (f.status) {
    where.push('s.status = ?');
    bindings.push(f.status);
  }
  if (f.projectId) {
    where.push('s.project_id = ?');
    bindings.push(f.projectId);
  }
  if (f.trade) {
    where.push('lower(v.trade) = lower(?)');
    bindings.push(f.trade);
  }
  if (f.expiresWithin) {
    where.push(`s.status IN ('compliant', 'waived') AND e.ends_on >= ?::date AND e.ends_on <= ?::date + ${Number(f.expiresWithin)}`);
    bindings.push(today, today);
  }
  if (f.queue === 'review') {
    where.push(`r.status = 'under_review' AND NOT EXISTS (SELECT 1 FROM documents q WHERE q.company_id = r.company_id AND q.request_id = r.id AND q.read_status = 'queued')`);
  }
  if (f.queue === 'write_back') where.push(writeBackProblem);
  if (f.queue === 'not_responding') where.push(`r.status = 'pending' AND r.first_upload_at IS NULL AND r.reminders_sent >= ${silentAfterReminders}`);
  if (f.q) {
    where.push(`(v.name ILIKE ? OR p.name ILIKE ? OR v.trade ILIKE ?)`);
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    bindings.push(like, like, like);
  }
  const direction = f.direction === 'desc' ? 'DESC' : 'ASC';
  const order = `${sortColumns[f.sort]} ${direction} NULLS LAST, lower(v.name), s.project_id`;
  const sql = `${w.sql},
    keys AS (
      SELECT s.vendor_id, s.project_id, s.status, s.request_id, v.name AS vendor_name, v.trade, p.name AS project_name,
             ROW_NUMBER() OVER (ORDER BY ${order}) AS position
        FROM scoped s
        JOIN vendors v ON v.company_id = ? AND v.id = s.vendor_id
        JOIN projects p ON p.company_id = v.company_id AND p.id = s.project_id
        LEFT JOIN coi_requests r ON r.company_id = ? AND r.id = s.request_id
        ${needsEnds ? newestCertificate('e', 'r') : ''}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY position ${page}
    )
    SELECT k.vendor_id, k.vendor_name, k.trade, k.project_id, k.project_name, k.status, k.request_id,
           CASE WHEN r.id IS NULL THEN NULL WHEN r.project_id IS NULL THEN 'global' ELSE 'project' END AS request_scope,
           d.ends_on, d.extraction -> 'policies' AS policies, d.extraction -> 'insurers' AS insurers,
           r.updated_at AS last_activity, r.reminders_sent,
           (SELECT vd.body FROM verdicts vd WHERE vd.company_id = r.company_id AND vd.request_id = r.id ORDER BY vd.created_at DESC LIMIT 1) AS verdict
      FROM keys k
      LEFT JOIN coi_requests r ON r.company_id = ${companyLiteral(scope.companyId)} AND r.id = k.request_id
      ${newestCertificate('d', 'r')}
     ORDER BY k.position`;
  return { sql, bindings };
}

interface RegisterDbRow {
  vendor_id: string;
  vendor_name: string;
  trade: string | null;
  project_id: string;
  project_name: string;
  status: CoiStatus;
  request_id: string | null;
  request_scope: 'project' | 'global' | null;
  ends_on: Date | string | null;
  policies: unknown;
  insurers: unknown;
  last_activity: Date | null;
  reminders_sent: number | null;
  verdict: { outcome?: string; deficiencies?: { message: string }[]; reviewReasons?: { message: string }[] } | null;
}

const isoDate = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function reasonOf(status: CoiStatus, v: RegisterDbRow['verdict'], remindersSent?: number): string | null {
  if (status === 'not_requested') return null;
  if (status === 'pending') return remindersSent ? `Waiting for the certificate (${remindersSent} reminders sent)` : 'Waiting for the certificate';
  const first = v?.deficiencies?.[0]?.message ?? v?.reviewReasons?.[0]?.message;
  if (!first) return status === 'compliant' ? 'Meets the requirements' : null;
  const more = (v?.deficiencies?.length ?? 0) + (v?.reviewReasons?.length ?? 0) - 1;
  return more > 0 ? `${first} (+${more} more)` : first;
}

function policiesOf(policies: unknown, insurers: unknown): RegisterRow['policies'] {
  if (!Array.isArray(policies)) return [];
  const names = new Map((Array.isArray(insurers) ? insurers : []).map((i: { letter?: string; name?: string }) => [i.letter, i.name ?? null]));
  return policies.map((p: { line?: string; insurerLetter?: string | null; expirationDate?: string | null; limits?: Record<string, unknown> }) => ({
    line: String(p.line ?? 'other'),
    insurer: (p.insurerLetter && names.get(p.insurerLetter)) ?? null,
    expires: p.expirationDate ?? null,
    limits: Object.fromEntries(Object.entries(p.limits ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number')),
  }));
}

export function toRegisterRow(r: RegisterDbRow): RegisterRow {
  return {
    vendorId: String(r.vendor_id),
    vendorName: r.vendor_name,
    trade: r.trade,
    projectId: String(r.project_id),
    projectName: r.project_name,
    status: r.status,
    requestId: r.request_id,
    requestScope: r.request_scope,
    reason: reasonOf(r.status, r.verdict, r.reminders_sent ?? 0),
    endsOn: isoDate(r.ends_on),
    policies: policiesOf(r.policies, r.insurers),
    lastActivity: r.last_activity ? r.last_activity.toISOString() : null,
  };
}

export async function registerPage(db: Db, scope: DeskScope, f: RegisterFilter, today: string, offset: number, limit: number): Promise<{ total: number; rows: RegisterRow[] }> {
  const q = registerSql(scope, f, today, `LIMIT ${Number(limit)} OFFSET ${Number(offset)}`);
  const c = registerCountSql(scope, f, today);
  const [result, counted] = await Promise.all([
    db.raw(q.sql, q.bindings as never[]) as Promise<{ rows: RegisterDbRow[] }>,
    db.raw(c.sql, c.bindings as never[]) as Promise<{ rows: { n: string }[] }>,
  ]);
  return { total: Number(counted.rows[0]?.n ?? 0), rows: result.rows.map(toRegisterRow) };
}

function registerCountSql(scope: DeskScope, f: RegisterFilter, today: string): SqlPart {
  // The same filter without the sort's need for certificates unless the filter has it.
  const q = registerSql(scope, { ...f, sort: f.sort === 'expires' ? 'vendor' : f.sort }, today);
  const keysEnd = q.sql.indexOf('\n    SELECT k.vendor_id');
  return { sql: `${q.sql.slice(0, keysEnd)} SELECT COUNT(*) AS n FROM keys`, bindings: q.bindings };
}

/** Every row of the filter, in order, handed over in batches through a server-side cursor. */
export async function streamRegister(db: Db, scope: DeskScope, f: RegisterFilter, today: string, onBatch: (rows: RegisterRow[]) => Promise<void>, batch = 2000): Promise<number> {
  const q = registerSql(scope, f, today);
  let count = 0;
  await db.transaction(async (trx: Knex.Transaction) => {
    await trx.raw(`DECLARE register_rows NO SCROLL CURSOR FOR ${q.sql}`, q.bindings as never[]);
    for (;;) {
      const r = (await trx.raw(`FETCH ${batch} FROM register_rows`)) as { rows: RegisterDbRow[] };
      if (r.rows.length === 0) break;
      count += r.rows.length;
      await onBatch(r.rows.map(toRegisterRow));
    }
  });
  return count;
}
