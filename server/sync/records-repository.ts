import type { Db } from '../db';
import type { InsuranceFields } from './writeback-plan';

// The Procore records the app created (table procore_records): the only ones it ever changes.

export interface OurRecord {
  lineKey: string;
  procoreId: string;
  vendorId: string;
  projectId: string | null;
  written: Partial<InsuranceFields>;
}

export async function ourRecords(db: Db, companyId: string, requestId: string): Promise<OurRecord[]> {
  const rows = (await db('procore_records').where({ company_id: companyId, request_id: requestId }).orderBy('id')) as {
    line_key: string;
    procore_id: string;
    vendor_id: string;
    project_id: string | null;
    written: Partial<InsuranceFields>;
  }[];
  return rows.map((r) => ({ lineKey: r.line_key, procoreId: String(r.procore_id), vendorId: String(r.vendor_id), projectId: r.project_id === null ? null : String(r.project_id), written: r.written }));
}

export async function rememberRecord(
  db: Db,
  r: { companyId: string; requestId: string; lineKey: string; procoreId: string; vendorId: string; projectId: string | null; written: Partial<InsuranceFields> },
): Promise<void> {
  await db('procore_records')
    .insert({ company_id: r.companyId, request_id: r.requestId, line_key: r.lineKey, procore_id: r.procoreId, vendor_id: r.vendorId, project_id: r.projectId, written: JSON.stringify(r.written) })
    .onConflict(['request_id', 'line_key'])
    .merge({ procore_id: r.procoreId, written: JSON.stringify(r.written), written_at: db.fn.now() });
}

export async function forgetRecord(db: Db, companyId: string, requestId: string, lineKey: string): Promise<void> {
  await db('procore_records').where({ company_id: companyId, request_id: requestId, line_key: lineKey }).delete();
}
