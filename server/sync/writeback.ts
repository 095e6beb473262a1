import { z } from 'zod';
import type { Services } from '../services';
import type { ProcoreClient } from '../procore/client';
import { insuranceSchema } from '../procore/records';
import { NotFoundError, UnauthorizedError, UpstreamError } from '../errors';
import { noteGrantFailed, noteGrantWorked } from '../auth/company-grant';
import { findWriteBackRequest, type WriteBackRequest } from '../requests/repository';
import { lastStatusChange } from '../requests/timeline';
import { pickCertificate } from '../requirements/certificate';
import { uploadedDocuments } from '../requirements/evaluation-repository';
import { claimIntent, markFailed, markWritten } from './writeback-intents';
import { forgetRecord, ourRecords, rememberRecord, type OurRecord } from './records-repository';
import { planWriteBack, type DesiredRecord, type WriteBackPlan } from './writeback-plan';

// Carries out one request's write-back intent: brings the Procore insurance records the app
// created for it (project-vendor records for a project request, company-vendor records for a
// global one) in line with the plan, and the commitment's insurance status where the request
// came from one. Records the app did not create are never touched.

export interface WriteBackCounts {
  written: number;
  created: number;
  updated: number;
  deleted: number;
  skipped: number;
  waiting: number;
}

const empty = (): WriteBackCounts => ({ written: 0, created: 0, updated: 0, deleted: 0, skipped: 0, waiting: 0 });
const anything = z.looseObject({});

/** The request's state and plan, as the write-back and the nightly repair see it. */
export async function planFor(s: Services, r: WriteBackRequest): Promise<WriteBackPlan> {
  const { reason, procoreReason } = await lastStatusChange(s.db, r.companyId, r.id);
  const pick = pickCertificate((await uploadedDocuments(s.db, r.companyId, [r.id])).get(r.id) ?? []);
  const certificate = pick.kind === 'document' ? pick.extraction : null;
  return planWriteBack({ requestId: r.id, status: r.status, deleted: r.deleted, reason: r.status === 'pending' ? reason ?? 'certificate requested' : reason, procoreReason, certificate });
}

export function insurancesPath(r: { companyId: string; vendorId: string; projectId: string | null }): string {
  return r.projectId
    ? `/rest/v1.0/projects/${r.projectId}/vendors/${r.vendorId}/insurances`
    : `/rest/v1.0/companies/${r.companyId}/vendors/${r.vendorId}/insurances`;
}

/** Runs the intent of one request, if it is due and no other worker holds it. */
export async function writeBackRequest(s: Services, companyId: string, requestId: string): Promise<WriteBackCounts> {
  const counts = empty();
  const intent = await claimIntent(s.db, requestId);
  if (!intent || intent.companyId !== companyId) return { ...counts, skipped: 1 };
  const request = await findWriteBackRequest(s.db, companyId, requestId);
  if (!request) return { ...counts, skipped: 1 };
  try {
    await applyPlan(s, s.procoreForCompany(companyId), request, await planFor(s, request), counts);
    await markWritten(s.db, requestId, intent.wanted);
    await noteGrantWorked(s.db, companyId);
    counts.written = 1;
    return counts;
  } catch (err) {
    const waiting = err instanceof UnauthorizedError || (err instanceof UpstreamError && err.upstreamStatus === 403);
    const message = err instanceof Error ? err.message : String(err);
    await markFailed(s.db, requestId, message, waiting);
    if (waiting) {
      await noteGrantFailed(s.db, companyId, message);
      s.log.warn({ companyId, requestId }, 'Procore write-back waits for a working company grant');
      return { ...counts, waiting: 1 };
    }
    throw err;
  }
}

export async function applyPlan(s: Services, procore: ProcoreClient, r: WriteBackRequest, plan: WriteBackPlan, counts: WriteBackCounts): Promise<void> {
  const ours = await ourRecords(s.db, r.companyId, r.id);
  const path = insurancesPath(r);
  if (plan.kind === 'remove') {
    for (const rec of ours) await removeRecord(s, procore, r, rec, counts);
    return;
  }
  if (plan.kind === 'archive') {
    for (const rec of ours) {
      const fields = { ...rec.written, notes: plan.notes };
      if (await patchRecord(procore, r, `${path}/${rec.procoreId}`, { notes: plan.notes })) {
        await rememberRecord(s.db, { ...rec, companyId: r.companyId, requestId: r.id, written: fields });
        counts.updated++;
      } else await forgetRecord(s.db, r.companyId, r.id, rec.lineKey);
    }
    return;
  }
  const lines = ours.filter((o) => o.lineKey !== 'certificate');
  const placeholderOnly = plan.records.length === 1 && plan.records[0]!.lineKey === 'certificate';
  if (placeholderOnly && lines.length) {
    // A new upload is being read: the lines already in Procore stay, with the new status.
    const { status, exempt, notes } = plan.records[0]!.fields;
    for (const rec of lines) await putRecord(s, procore, r, { lineKey: rec.lineKey, fields: { ...(rec.written as DesiredRecord['fields']), status, exempt, notes } }, rec.procoreId, counts);
    if (r.commitmentId && r.projectId) await writeCommitment(s, procore, r, plan.commitment);
    return;
  }
  let listed: Map<string, string> | null = null;
  const adoptable = async (originId: string) => {
    listed ??= await originIds(procore, r);
    return listed.get(originId) ?? null;
  };
  for (const want of plan.records) {
    const mine = ours.find((o) => o.lineKey === want.lineKey);
    await putRecord(s, procore, r, want, mine?.procoreId ?? (await adoptable(want.fields.origin_id)), counts);
  }
  for (const rec of ours) if (!plan.records.some((w) => w.lineKey === rec.lineKey)) await removeRecord(s, procore, r, rec, counts);
  if (r.commitmentId && r.projectId) await writeCommitment(s, procore, r, plan.commitment);
}

/** Updates our record (or creates it when it is missing or was deleted by hand) and remembers its id. */
async function putRecord(s: Services, procore: ProcoreClient, r: WriteBackRequest, want: DesiredRecord, procoreId: string | null, counts: WriteBackCounts): Promise<void> {
  const path = insurancesPath(r);
  let id = procoreId;
  if (id && (await patchRecord(procore, r, `${path}/${id}`, want.fields))) counts.updated++;
  else {
    const created = await procore.write('POST', path, insuranceSchema, { companyId: r.companyId, body: { insurance: { ...want.fields, vendor_id: Number(r.vendorId) } } });
    id = created.id;
    counts.created++;
  }
  await rememberRecord(s.db, { companyId: r.companyId, requestId: r.id, lineKey: want.lineKey, procoreId: id, vendorId: r.vendorId, projectId: r.projectId, written: want.fields });
}

/** false when the record is gone (deleted by hand in Procore). */
async function patchRecord(procore: ProcoreClient, r: WriteBackRequest, path: string, fields: object): Promise<boolean> {
  try {
    await procore.write('PATCH', path, insuranceSchema, { companyId: r.companyId, body: { insurance: fields }, idempotent: true });
    return true;
  } catch (err) {
    if (err instanceof NotFoundError) return false;
    throw err;
  }
}

async function removeRecord(s: Services, procore: ProcoreClient, r: WriteBackRequest, rec: OurRecord, counts: WriteBackCounts): Promise<void> {
  try {
    await procore.write('DELETE', `${insurancesPath(rec.projectId ? r : { ...r, projectId: null })}/${rec.procoreId}`, anything, { companyId: r.companyId, idempotent: true });
    counts.deleted++;
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  await forgetRecord(s.db, r.companyId, r.id, rec.lineKey);
}

/** Records of this vendor that carry our origin id (created by an earlier attempt that did not get to remember them). */
async function originIds(procore: ProcoreClient, r: WriteBackRequest): Promise<Map<string, string>> {
  const all = await procore.getAll(insurancesPath(r), insuranceSchema, { companyId: r.companyId, perPage: 100 });
  return new Map(all.filter((i) => i.origin_id?.startsWith(`coi-compliance:${r.id}:`)).map((i) => [i.origin_id!, i.id]));
}

async function writeCommitment(s: Services, procore: ProcoreClient, r: WriteBackRequest, body: { insurance_status: string; insurance_notes: string }): Promise<void> {
  const row = (await s.db('commitments').where({ company_id: r.companyId, id: r.commitmentId }).first('kind')) as { kind: 'work_order' | 'purchase_order' } | undefined;
  if (!row) return;
  const kind = row.kind === 'work_order' ? 'work_order_contracts' : 'purchase_order_contracts';
  try {
    await procore.write('PATCH', `/rest/v1.0/projects/${r.projectId}/${kind}/${r.commitmentId}/compliance`, anything, { companyId: r.companyId, body, idempotent: true });
  } catch (err) {
    // A commitment deleted in Procore has nothing left to mark.
    if (!(err instanceof NotFoundError)) throw err;
  }
}
