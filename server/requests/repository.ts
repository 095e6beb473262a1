import type { Knex } from 'knex';
import type { Db } from '../db';
import type { RequestOrigin, RequestStatus, RequestSummary } from '../contracts/requests';

// SQL for COI requests: the only module that reads or writes coi_requests. Every query names its
// company, except those that start from an id another table already scoped (an upload link, a job).

type Conn = Db | Knex.Transaction;

const onActiveConflict = `ON CONFLICT (company_id, vendor_id, COALESCE(project_id, 0))
       WHERE deleted_at IS NULL AND status NOT IN ('cancelled', 'archived') DO NOTHING`;

export interface NewRequest {
  companyId: string;
  vendorId: string;
  projectId: string | null;
  origin: RequestOrigin;
  commitmentId: string | null;
  recipientEmail: string;
  requestedBy: string | null;
}

/**
 * Inserts the requests that have no active twin (same vendor and scope); the partial unique
 * index decides, so concurrent callers cannot both win. Returns the rows actually created.
 */
export async function insertRequests(trx: Knex.Transaction, rows: NewRequest[]): Promise<{ id: string; vendor_id: string }[]> {
  if (rows.length === 0) return [];
  const values = rows.map((r) => ({
    company_id: r.companyId,
    vendor_id: r.vendorId,
    project_id: r.projectId,
    origin: r.origin,
    commitment_id: r.commitmentId,
    status: 'pending',
    recipient_email: r.recipientEmail,
    requested_by: r.requestedBy,
  }));
  const insert = trx('coi_requests').insert(values).toSQL();
  const result = await trx.raw(`${insert.sql} ${onActiveConflict} RETURNING id, vendor_id`, insert.bindings);
  return (result.rows as { id: string; vendor_id: string }[]).map((r) => ({ id: r.id, vendor_id: String(r.vendor_id) }));
}

/** Vendors (of this company) with an active request in this scope. */
export async function activeRequestVendors(db: Conn, companyId: string, projectId: string | null, vendorIds: string[]): Promise<Set<string>> {
  const rows = (await db('coi_requests')
    .where({ company_id: companyId })
    .whereRaw('COALESCE(project_id, 0) = ?', [projectId ?? 0])
    .whereIn('vendor_id', vendorIds)
    .whereNull('deleted_at')
    .whereNotIn('status', ['cancelled', 'archived'])
    .pluck('vendor_id')) as string[];
  return new Set(rows.map(String));
}

interface RequestRow {
  id: string;
  vendor_id: string;
  vendor_name: string;
  project_id: string | null;
  project_name: string | null;
  origin: RequestOrigin;
  status: RequestStatus;
  recipient_email: string;
  broker_email: string | null;
  created_at: Date;
  deleted_at: Date | null;
}

export function requestQuery(db: Conn, companyId: string) {
  return db('coi_requests as r')
    .join('vendors as v', function () {
      this.on('v.company_id', 'r.company_id').andOn('v.id', 'r.vendor_id');
    })
    .leftJoin('projects as p', function () {
      this.on('p.company_id', 'r.company_id').andOn('p.id', 'r.project_id');
    })
    .where('r.company_id', companyId)
    .select('r.id', 'r.vendor_id', 'v.name as vendor_name', 'r.project_id', 'p.name as project_name', 'r.origin', 'r.status', 'r.recipient_email', 'r.broker_email', 'r.created_at', 'r.deleted_at');
}

export function toSummary(r: RequestRow): RequestSummary {
  return {
    id: r.id,
    vendorId: String(r.vendor_id),
    vendorName: r.vendor_name,
    projectId: r.project_id === null ? null : String(r.project_id),
    projectName: r.project_name,
    origin: r.origin,
    status: r.status,
    recipientEmail: r.recipient_email,
    brokerEmail: r.broker_email,
    createdAt: r.created_at.toISOString(),
  };
}

export async function findRequest(db: Conn, companyId: string, requestId: string): Promise<(RequestRow & { deleted_at: Date | null }) | null> {
  const row = (await requestQuery(db, companyId).where('r.id', requestId).first()) as RequestRow | undefined;
  return row ?? null;
}

// ---- Status: read and written only through lifecycle.ts ----

/** Locks the request for a status change and returns its status; null when it is gone. */
export async function lockRequestStatus(trx: Knex.Transaction, companyId: string, requestId: string): Promise<RequestStatus | null> {
  const row = (await trx('coi_requests')
    .where({ id: requestId, company_id: companyId })
    .whereNull('deleted_at')
    // NO KEY UPDATE: exclusive with other status changes, but an insert that only references the
    // request (a timeline event, an email) is not blocked, which otherwise deadlocks with the
    // send-email job (it holds its email row and adds an event; cancel holds the request and
    // fails its queued emails).
    .forNoKeyUpdate()
    .first('status')) as { status: RequestStatus } | undefined;
  return row?.status ?? null;
}

export async function setRequestStatus(trx: Knex.Transaction, companyId: string, requestId: string, status: RequestStatus): Promise<void> {
  await trx('coi_requests').where({ id: requestId, company_id: companyId }).update({ status, updated_at: trx.fn.now() });
}

/** Soft-deletes the request; false when there is no such live request in this company. */
export async function markRequestDeleted(trx: Knex.Transaction, companyId: string, requestId: string, userId: string): Promise<boolean> {
  const n = await trx('coi_requests').where({ id: requestId, company_id: companyId }).whereNull('deleted_at').update({ deleted_at: trx.fn.now(), deleted_by: userId });
  return n > 0;
}

/** The company a request belongs to (deleted ones too); every later query is scoped by it. */
export async function requestCompany(db: Conn, requestId: string): Promise<string | null> {
  const row = (await db('coi_requests').where({ id: requestId }).first('company_id')) as { company_id: string } | undefined;
  return row ? String(row.company_id) : null;
}

// ---- The request as the compliance check, the review and the notices see it ----

export interface EvaluatedRequest {
  id: string;
  companyId: string;
  vendorId: string;
  projectId: string | null;
  origin: string;
  status: RequestStatus;
  recipientEmail: string;
  brokerEmail: string | null;
  gcName: string;
  vendorName: string;
  trade: string | null;
  projectName: string | null;
  /** When the request's project closed (inactive in Procore), YYYY-MM-DD. */
  projectClosedOn: string | null;
  commitmentId: string | null;
}

interface EvaluatedRow {
  id: string;
  company_id: string;
  vendor_id: string;
  project_id: string | null;
  origin: string;
  status: RequestStatus;
  recipient_email: string;
  broker_email: string | null;
  gc_name: string;
  vendor_name: string;
  trade: string | null;
  project_name: string | null;
  project_closed_on: string | null;
  commitment_id: string | null;
}

function evaluatedQuery(db: Conn) {
  return db('coi_requests as r')
    .join('companies as c', 'c.id', 'r.company_id')
    .join('vendors as v', function () {
      this.on('v.company_id', 'r.company_id').andOn('v.id', 'r.vendor_id');
    })
    .leftJoin('projects as p', function () {
      this.on('p.company_id', 'r.company_id').andOn('p.id', 'r.project_id');
    })
    .whereNull('r.deleted_at')
    .select('r.id', 'r.company_id', 'r.vendor_id', 'r.project_id', 'r.origin', 'r.status', 'r.recipient_email', 'r.broker_email', 'r.commitment_id')
    .select('c.name as gc_name', 'v.name as vendor_name', 'v.trade', 'p.name as project_name')
    .select(db.raw("to_char(p.closed_on, 'YYYY-MM-DD') AS project_closed_on"));
}

function toEvaluated(r: EvaluatedRow): EvaluatedRequest {
  return {
    id: r.id,
    companyId: String(r.company_id),
    vendorId: String(r.vendor_id),
    projectId: r.project_id === null ? null : String(r.project_id),
    origin: r.origin,
    status: r.status,
    recipientEmail: r.recipient_email,
    brokerEmail: r.broker_email,
    gcName: r.gc_name,
    vendorName: r.vendor_name,
    trade: r.trade,
    projectName: r.project_id === null ? null : (r.project_name ?? `Project ${r.project_id}`),
    projectClosedOn: r.project_closed_on,
    commitmentId: r.commitment_id === null ? null : String(r.commitment_id),
  };
}

export async function findEvaluatedRequest(db: Conn, companyId: string, requestId: string): Promise<EvaluatedRequest | null> {
  const row = (await evaluatedQuery(db).where('r.company_id', companyId).where('r.id', requestId).first()) as EvaluatedRow | undefined;
  return row ? toEvaluated(row) : null;
}

/** The open request of a vendor in one scope (project, or null for global). */
export async function findActiveRequest(db: Conn, companyId: string, vendorId: string, projectId: string | null): Promise<EvaluatedRequest | null> {
  const row = (await evaluatedQuery(db)
    .where('r.company_id', companyId)
    .where('r.vendor_id', vendorId)
    .whereRaw('COALESCE(r.project_id, 0) = ?', [projectId ?? 0])
    .whereNotIn('r.status', ['cancelled', 'archived'])
    .first()) as EvaluatedRow | undefined;
  return row ? toEvaluated(row) : null;
}

/**
 * Open requests held to one set: a project's requests, or ('company') the global requests and
 * those of projects without a set of their own.
 */
export async function requestsInScope(db: Conn, companyId: string, scope: { projectId: string } | 'company'): Promise<EvaluatedRequest[]> {
  const q = evaluatedQuery(db).where('r.company_id', companyId).whereNotIn('r.status', ['cancelled', 'archived']);
  if (scope !== 'company') q.where('r.project_id', scope.projectId);
  else {
    const overridden = db('requirement_sets').where({ company_id: companyId }).whereNotNull('project_id').select('project_id');
    q.where((w) => w.whereNull('r.project_id').orWhereNotIn('r.project_id', overridden));
  }
  return ((await q) as EvaluatedRow[]).map(toEvaluated);
}

/** A project request opened because the vendor's annual certificate falls short there; null when one is already open. */
export async function insertCoverageRequest(
  trx: Knex.Transaction,
  r: { companyId: string; vendorId: string; projectId: string; recipientEmail: string; brokerEmail: string | null },
): Promise<string | null> {
  const insert = trx('coi_requests')
    .insert({
      company_id: r.companyId,
      vendor_id: r.vendorId,
      project_id: r.projectId,
      origin: 'global',
      status: 'awaiting_new_coi',
      recipient_email: r.recipientEmail,
      broker_email: r.brokerEmail,
    })
    .toSQL();
  const result = await trx.raw(`${insert.sql} ${onActiveConflict} RETURNING id`, insert.bindings);
  const row = (result.rows as { id: string }[])[0];
  return row?.id ?? null;
}

// ---- The upload portal ----

export interface PortalRequest {
  companyId: string;
  vendorId: string;
  gcName: string;
  vendorName: string;
  projectId: string | null;
  projectName: string | null;
  brokerEmail: string | null;
}

/** The request an upload link opens (found by id: the link already named it). */
export async function findPortalRequest(db: Conn, requestId: string): Promise<PortalRequest | null> {
  const row = (await db('coi_requests as r')
    .join('companies as c', 'c.id', 'r.company_id')
    .join('vendors as v', function () {
      this.on('v.company_id', 'r.company_id').andOn('v.id', 'r.vendor_id');
    })
    .leftJoin('projects as p', function () {
      this.on('p.company_id', 'r.company_id').andOn('p.id', 'r.project_id');
    })
    .where('r.id', requestId)
    .first('r.company_id', 'r.vendor_id', 'c.name as gc_name', 'v.name as vendor_name', 'r.project_id', 'p.name as project_name', 'r.broker_email')) as
    | { company_id: string; vendor_id: string; gc_name: string; vendor_name: string; project_id: string | null; project_name: string | null; broker_email: string | null }
    | undefined;
  if (!row) return null;
  return {
    companyId: String(row.company_id),
    vendorId: String(row.vendor_id),
    gcName: row.gc_name,
    vendorName: row.vendor_name,
    projectId: row.project_id === null ? null : String(row.project_id),
    // A project not (yet) mirrored still must not read as "all projects".
    projectName: row.project_id === null ? null : (row.project_name ?? 'your project'),
    brokerEmail: row.broker_email,
  };
}

/** Whether the request still takes uploads (not deleted, archived or cancelled). */
export async function requestIsOpen(db: Conn, requestId: string): Promise<boolean> {
  const row = await db('coi_requests').where({ id: requestId }).whereNull('deleted_at').whereNotIn('status', ['archived', 'cancelled']).first('id');
  return Boolean(row);
}

/** Locks the request for an upload; false when it was closed since its link was checked. */
export async function lockOpenRequest(trx: Knex.Transaction, requestId: string): Promise<boolean> {
  const row = await trx('coi_requests')
    .where({ id: requestId })
    .whereNull('deleted_at')
    .whereNotIn('status', ['archived', 'cancelled'])
    .forNoKeyUpdate()
    .first('id');
  return Boolean(row);
}

/** The first upload stops reminders; a broker address given on the page is kept for the next ones. */
export async function markUploaded(trx: Knex.Transaction, requestId: string, brokerEmail: string | undefined): Promise<void> {
  await trx('coi_requests')
    .where({ id: requestId })
    .update({
      first_upload_at: trx.raw('COALESCE(first_upload_at, now())'),
      ...(brokerEmail ? { broker_email: brokerEmail } : {}),
      updated_at: trx.fn.now(),
    });
}

// ---- Reminders ----

export interface ReminderCandidate {
  id: string;
  createdAt: Date;
  remindersSent: number;
  reminderDays: number[] | null;
  reminderEveryDays: number | null;
}

/** Pending requests with nothing uploaded yet, created before `at`, with their company's cadence. */
export async function reminderCandidates(db: Db, at: Date, limit: number): Promise<ReminderCandidate[]> {
  const rows = (await db('coi_requests as r')
    .leftJoin('company_settings as cs', 'cs.company_id', 'r.company_id')
    .where('r.status', 'pending')
    .whereNull('r.first_upload_at')
    .whereNull('r.deleted_at')
    .where('r.created_at', '<=', at)
    .orderBy('r.created_at')
    .limit(limit)
    .select('r.id', 'r.created_at', 'r.reminders_sent', 'cs.reminder_days', 'cs.reminder_every_days')) as {
    id: string;
    created_at: Date;
    reminders_sent: number;
    reminder_days: number[] | null;
    reminder_every_days: number | null;
  }[];
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, remindersSent: r.reminders_sent, reminderDays: r.reminder_days, reminderEveryDays: r.reminder_every_days }));
}

/** Locks a request that still waits for reminder `number` (another worker holding it is skipped). */
export async function lockForReminder(
  trx: Knex.Transaction,
  requestId: string,
  number: number,
): Promise<{ companyId: string; recipientEmail: string; brokerEmail: string | null } | null> {
  const row = (await trx('coi_requests')
    .where({ id: requestId, status: 'pending', reminders_sent: number - 1 })
    .whereNull('first_upload_at')
    .whereNull('deleted_at')
    .forNoKeyUpdate()
    .skipLocked()
    .first('company_id', 'recipient_email', 'broker_email')) as { company_id: string; recipient_email: string; broker_email: string | null } | undefined;
  return row ? { companyId: String(row.company_id), recipientEmail: row.recipient_email, brokerEmail: row.broker_email } : null;
}

export async function setRemindersSent(trx: Knex.Transaction, requestId: string, number: number): Promise<void> {
  await trx('coi_requests').where({ id: requestId }).update({ reminders_sent: number, updated_at: trx.fn.now() });
}

// ---- Fragments for other domains' lists ----

/**
 * A LATERAL join (alias `req`: id, status, scope) to the request that gives a directory row its
 * status: the project's own first, else the vendor's global one; active before archived;
 * cancelled ones don't count. `v` is the vendors alias of the outer query.
 */
export function directoryRequestJoin(projectId: string | null): { sql: string; bindings: string[] } {
  const scope = projectId ? 'AND (r.project_id = ? OR r.project_id IS NULL)' : 'AND r.project_id IS NULL';
  return {
    sql: `LEFT JOIN LATERAL (
         SELECT r.id, r.status, CASE WHEN r.project_id IS NULL THEN 'global' ELSE 'project' END AS scope
           FROM coi_requests r
          WHERE r.company_id = v.company_id AND r.vendor_id = v.id AND r.deleted_at IS NULL
            AND r.status <> 'cancelled' ${scope}
          ORDER BY (r.status = 'archived'), (r.project_id IS NULL), r.created_at DESC
          LIMIT 1) req ON true`,
    bindings: projectId ? [projectId] : [],
  };
}

/**
 * For the company directory (alias `v`): the vendor's open project requests counted by status,
 * as JSON `[{status, count}]` or null, so a vendor asked per project does not read "Not requested".
 */
export const projectStatusesColumn = `(SELECT json_agg(json_build_object('status', s.status, 'count', s.n) ORDER BY s.status)
     FROM (SELECT r.status, count(*)::int AS n FROM coi_requests r
            WHERE r.company_id = v.company_id AND r.vendor_id = v.id AND r.project_id IS NOT NULL
              AND r.deleted_at IS NULL AND r.status NOT IN ('cancelled', 'archived')
            GROUP BY r.status) s) AS project_statuses`;

/** Keeps commitments (alias `c`) whose vendor has no open request for the commitment's project or globally. */
export function withoutOpenRequest<Q extends Knex.QueryBuilder>(q: Q): Q {
  q.whereNotExists(function () {
    this.select(1)
      .from('coi_requests as r')
      .whereRaw('r.company_id = c.company_id AND r.vendor_id = c.vendor_id AND (r.project_id = c.project_id OR r.project_id IS NULL)')
      .whereNull('r.deleted_at')
      .whereNotIn('r.status', ['cancelled', 'archived']);
  });
  return q;
}

// ---- Write-back to Procore ----

export interface WriteBackRequest {
  id: string;
  companyId: string;
  vendorId: string;
  projectId: string | null;
  commitmentId: string | null;
  status: RequestStatus;
  deleted: boolean;
}

/** The request as the write-back needs it, deleted or not (a deleted one's records are removed). */
export async function findWriteBackRequest(db: Conn, companyId: string, requestId: string): Promise<WriteBackRequest | null> {
  const row = (await db('coi_requests')
    .where({ id: requestId, company_id: companyId })
    .first('id', 'company_id', 'vendor_id', 'project_id', 'commitment_id', 'status', 'deleted_at')) as
    | { id: string; company_id: string; vendor_id: string; project_id: string | null; commitment_id: string | null; status: RequestStatus; deleted_at: Date | null }
    | undefined;
  if (!row) return null;
  return {
    id: row.id,
    companyId: String(row.company_id),
    vendorId: String(row.vendor_id),
    projectId: row.project_id === null ? null : String(row.project_id),
    commitmentId: row.commitment_id === null ? null : String(row.commitment_id),
    status: row.status,
    deleted: row.deleted_at !== null,
  };
}

/** Open requests of a company in id order after `afterId` (the nightly sync walks them in pages). */
export async function openRequestsAfter(db: Conn, companyId: string, afterId: string | null, limit: number): Promise<EvaluatedRequest[]> {
  const q = evaluatedQuery(db).where('r.company_id', companyId).whereNotIn('r.status', ['cancelled', 'archived']).orderBy('r.id').limit(limit);
  if (afterId) q.where('r.id', '>', afterId);
  return ((await q) as EvaluatedRow[]).map(toEvaluated);
}

export interface NoticeReminderCandidate {
  id: string;
  companyId: string;
  noticeId: string;
  noticeAt: Date;
  sent: number;
  reminderDays: number[] | null;
  reminderEveryDays: number | null;
}

/** Requests Awaiting New COI with the deficiency notice they wait on and the reminders sent since it. */
export async function noticeReminderCandidates(db: Db, at: Date, limit: number): Promise<NoticeReminderCandidate[]> {
  const result = await db.raw(
    `SELECT r.id, r.company_id, n.id AS notice_id, n.created_at AS notice_at, cs.reminder_days, cs.reminder_every_days,
            (SELECT count(*) FROM emails e2 WHERE e2.request_id = r.id AND e2.dedupe_key LIKE 'notice-reminder:' || r.id || ':' || n.id || ':%')::int AS sent
       FROM coi_requests r
       JOIN LATERAL (SELECT e.id, e.created_at FROM emails e WHERE e.request_id = r.id AND e.kind = 'deficiency'
                      ORDER BY e.created_at DESC LIMIT 1) n ON true
       LEFT JOIN company_settings cs ON cs.company_id = r.company_id
      WHERE r.status = 'awaiting_new_coi' AND r.deleted_at IS NULL AND n.created_at <= ?
      ORDER BY n.created_at LIMIT ?`,
    [at, limit],
  );
  return (result.rows as { id: string; company_id: string; notice_id: string; notice_at: Date; sent: number; reminder_days: number[] | null; reminder_every_days: number | null }[]).map((r) => ({
    id: r.id,
    companyId: String(r.company_id),
    noticeId: r.notice_id,
    noticeAt: r.notice_at,
    sent: r.sent,
    reminderDays: r.reminder_days,
    reminderEveryDays: r.reminder_every_days,
  }));
}

/** The sub's mobile on a request (E.164), for text reminders; null when none was given. */
export async function recipientMobile(db: Conn, companyId: string, requestId: string): Promise<string | null> {
  const row = (await db('coi_requests').where({ company_id: companyId, id: requestId }).first('recipient_mobile')) as { recipient_mobile: string | null } | undefined;
  return row?.recipient_mobile ?? null;
}

/** Sets (or with null removes) the sub's mobile on a request; false when the company has no such request. */
export async function setRecipientMobile(db: Conn, companyId: string, requestId: string, mobile: string | null): Promise<boolean> {
  const n = await db('coi_requests').where({ company_id: companyId, id: requestId }).whereNull('deleted_at').update({ recipient_mobile: mobile, updated_at: db.fn.now() });
  return n > 0;
}
