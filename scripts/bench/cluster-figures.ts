import type { Knex } from 'knex';
import type { MailItem } from '../procore-emulator/types';

// What bench:cluster reports once the run has settled, from the database and the SMTP sink.

export interface UploadOutcome {
  requestId: string;
  /** From the upload's first stored document to the first evaluation after its last (ms); null: never evaluated. */
  toVerdictMs: number | null;
  /** Documents still waiting to be read. */
  queued: number;
  /** A read job is alive for it (waiting, or running for less time than reading can take). */
  reading: boolean;
}

/** Per acknowledged upload (one per request here): how long until its verdict, and whether anything is still unread. */
export async function uploadOutcomes(db: Knex, requestIds: string[]): Promise<UploadOutcome[]> {
  if (requestIds.length === 0) return [];
  const { rows } = (await db.raw(
    `SELECT d.request_id,
            count(*) FILTER (WHERE d.read_status = 'queued')::int AS queued,
            min(d.created_at) AS first_at,
            (SELECT min(e.at) FROM request_events e
              WHERE e.request_id = d.request_id AND e.kind = 'evaluated' AND e.at >= max(d.created_at)) AS verdict_at,
            EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'read-certificate' AND j.data->>'requestId' = d.request_id::text
                     AND (j.state IN ('created', 'retry') OR (j.state = 'active' AND j.started_on > now() - interval '5 minutes'))) AS reading
       FROM documents d WHERE d.request_id = ANY(?::uuid[]) GROUP BY d.request_id`,
    [requestIds],
  )) as { rows: { request_id: string; queued: number; first_at: Date; verdict_at: Date | null; reading: boolean }[] };
  const found = new Map(rows.map((r) => [r.request_id, r]));
  return requestIds.map((id) => {
    const r = found.get(id);
    if (!r) return { requestId: id, toVerdictMs: null, queued: 1, reading: false };
    return { requestId: id, queued: r.queued, reading: r.reading, toVerdictMs: r.verdict_at ? r.verdict_at.getTime() - r.first_at.getTime() : null };
  });
}

const unsettled = (o: UploadOutcome) => o.queued > 0 || o.toVerdictMs === null;

/** Acknowledged uploads not yet carried to a verdict or to a person. */
export const unsettledUploads = (outcomes: UploadOutcome[]) => outcomes.filter(unsettled).length;

/** Acknowledged uploads not carried to a verdict or to a person, with no read job alive for them: nothing will. */
export const lostUploads = (outcomes: UploadOutcome[]) => outcomes.filter((o) => unsettled(o) && !o.reading).length;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Copies beyond the first of each message, as mail clients see them (by Message-ID). */
export function duplicateEmails(messages: MailItem[]): number {
  const ids = messages.map((m) => m.messageId || `${m.subject}|${m.to.join(',')}|${m.text}`);
  return ids.length - new Set(ids).size;
}

export async function countBy(db: Knex, table: string, column: string, where: Record<string, unknown> = {}): Promise<string> {
  const rows = (await db(table).where(where).groupBy(column).orderBy(column).select(column).count<{ count: string }[]>('* as count')) as unknown as Record<string, string>[];
  return rows.map((r) => `${r[column]} ${r.count}`).join(', ') || 'none';
}

/** Documents that failed, by the code their reader gave. */
export async function failureCodes(db: Knex): Promise<string> {
  const { rows } = (await db.raw(
    `SELECT split_part(read_error, ':', 1) AS code, count(*)::int AS n FROM documents WHERE read_status = 'failed' GROUP BY 1 ORDER BY 1`,
  )) as { rows: { code: string; n: number }[] };
  return rows.map((r) => `${r.code} ${r.n}`).join(', ') || 'none';
}
