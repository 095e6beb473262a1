import type { Services } from '../services';
import type { ProcoreClient } from '../procore/client';
import { insuranceSchema, type ProcoreInsurance } from '../procore/records';
import { syncChangedVendors, syncCompanyDirectory, syncProjectDirectory, syncProjects } from '../directory/sync';
import { lastSync } from '../directory/repository';
import { openRequestsAfter } from '../requests/repository';
import { reevaluateRequest } from '../requirements/reevaluate';
import { endWaiver, requestRenewal } from '../requirements/renewals';
import { isoToday } from '../requirements/findings';
import { getSettings } from '../requests/settings';
import { syncProjectCommitments } from './commitments';
import { dueIntents, wantWriteBack } from './writeback-intents';
import { writeBackRequest } from './writeback';
import type { InsuranceFields } from './writeback-plan';
import { finishRun, openRun, saveProgress, syncPhases, type SyncCounts, type SyncRun } from './sync-runs';

// The nightly sync of one company, with its service grant: re-read the directories and
// commitments, check every current certificate against today and the requirements in force,
// and put right any Procore record of ours that was changed by hand or missed. Lists that take
// Procore's updated_at filter (projects, company vendors, commitments) are read from the last
// finished run on; project directories and our insurance records are read whole. Progress is
// saved after every unit of work, so a crash or a long rate limit resumes where it stopped.

export interface SyncResult {
  runId: string;
  resumed: boolean;
  counts: SyncCounts;
}

const evaluatePage = 200;

export async function nightlySync(s: Services, companyId: string, today: string = isoToday()): Promise<SyncResult> {
  const run = await openRun(s.db, companyId);
  const procore = s.procoreForCompany(companyId);
  try {
    for (let i = syncPhases.indexOf(run.phase); i < syncPhases.length; i++) {
      if (run.phase !== syncPhases[i]) {
        run.phase = syncPhases[i]!;
        run.cursor = null;
      }
      await phases[run.phase](s, procore, run, today);
    }
    await finishRun(s.db, run);
  } catch (err) {
    await saveProgress(s.db, run, err instanceof Error ? err.message : String(err));
    throw err;
  }
  s.log.info({ companyId, runId: run.id, resumed: run.resumed, ...run.counts }, 'nightly sync done');
  return { runId: run.id, resumed: run.resumed, counts: run.counts };
}

type Phase = (s: Services, procore: ProcoreClient, run: SyncRun, today: string) => Promise<void>;

async function activeProjects(s: Services, companyId: string): Promise<string[]> {
  return ((await s.db('projects').where({ company_id: companyId, active: true }).orderBy('id').pluck('id')) as string[]).map(String);
}

/** Units of work done one by one, the cursor naming how many are done. */
async function each(s: Services, run: SyncRun, units: string[], work: (unit: string) => Promise<void>): Promise<void> {
  for (let i = Number(run.cursor ?? 0); i < units.length; i++) {
    await work(units[i]!);
    run.cursor = String(i + 1);
    await saveProgress(s.db, run);
  }
}

const phases: Record<SyncRun['phase'], Phase> = {
  async directory(s, procore, run) {
    const companyId = run.companyId;
    if (run.cursor === null) {
      run.counts.read += await syncProjects(s.db, procore, companyId, run.changedSince);
      run.counts.read += await readCompanyVendors(s, procore, run);
      run.cursor = '0';
      await saveProgress(s.db, run);
    }
    await each(s, run, await activeProjects(s, companyId), async (projectId) => {
      run.counts.read += await syncProjectDirectory(s.db, procore, companyId, projectId);
    });
  },

  async commitments(s, procore, run) {
    await each(s, run, await activeProjects(s, run.companyId), async (projectId) => {
      run.counts.read += await syncProjectCommitments(s.db, procore, run.companyId, projectId, run.changedSince);
    });
  },

  /** Cursor: the last request id checked. */
  async evaluate(s, _procore, run, today) {
    const { renewalDays } = await getSettings(s.db, run.companyId);
    for (;;) {
      const page = await openRequestsAfter(s.db, run.companyId, run.cursor, evaluatePage);
      if (page.length === 0) return;
      for (const request of page) {
        try {
          const outcome = await checkRequest(s, request, today, renewalDays);
          if (outcome === 'changed') run.counts.changed++;
          else if (outcome === 'skipped') run.counts.skipped++;
        } catch (err) {
          run.counts.failed++;
          s.log.warn({ err, requestId: request.id }, 'nightly check of a request failed');
        }
        run.cursor = request.id;
      }
      await saveProgress(s.db, run);
    }
  },

  /** Units: the company-level records, then each project's. */
  async repair(s, procore, run) {
    // Only scopes that hold records of ours are listed: nothing else is ours to repair.
    const projects = ((await s.db('procore_records').where({ company_id: run.companyId }).whereNotNull('project_id').distinct('project_id').orderBy('project_id').pluck('project_id')) as string[]).map(String);
    const companyLevel = await s.db('procore_records').where({ company_id: run.companyId }).whereNull('project_id').first('id');
    const scopes = [...(companyLevel ? ['company'] : []), ...projects];
    await each(s, run, scopes, async (scope) => {
      const projectId = scope === 'company' ? null : scope;
      const path = projectId ? `/rest/v1.0/projects/${projectId}/insurances` : `/rest/v1.0/companies/${run.companyId}/insurances`;
      const listed = await procore.getAll(path, insuranceSchema, { companyId: run.companyId, perPage: 100 });
      run.counts.read += listed.length;
      const inProcore = new Map(listed.map((i) => [i.id, i]));
      const ours = (await s.db('procore_records').where({ company_id: run.companyId }).where(projectId ? { project_id: projectId } : { project_id: null })) as {
        request_id: string;
        procore_id: string;
        written: Partial<InsuranceFields>;
      }[];
      const stale = new Set(ours.filter((r) => !matches(inProcore.get(String(r.procore_id)), r.written)).map((r) => r.request_id));
      for (const requestId of stale) await repairRequest(s, run, requestId);
    });
    // Writes that were due but never made it (a lost job, a grant that came back).
    for (const due of await dueIntents(s.db, 10_000, run.companyId, { includeRecent: true })) await writeDue(s, run, due.requestId);
  },
};

/** A full read of the company directory at least this often finds vendors deleted or made inactive. */
const fullDirectoryEveryMs = 7 * 86_400_000;

/**
 * The company directory: what changed since the last run (Procore's updated_at filter), unless
 * the last full read (the nightly's or the panel's) is older than a week or there was no last run.
 */
async function readCompanyVendors(s: Services, procore: ProcoreClient, run: SyncRun): Promise<number> {
  const lastFull = await lastSync(s.db, run.companyId, null);
  const recent = lastFull !== null && Date.now() - lastFull.getTime() < fullDirectoryEveryMs;
  if (run.changedSince && recent) return syncChangedVendors(s.db, procore, run.companyId, run.changedSince);
  return syncCompanyDirectory(s.db, procore, run.companyId);
}

/** A waiver past its end date ends; a certificate is checked again; one still fine is asked to renew what expires soon. */
async function checkRequest(s: Services, request: Awaited<ReturnType<typeof openRequestsAfter>>[number], today: string, renewalDays: number): Promise<'changed' | 'unchanged' | 'skipped'> {
  if (request.status === 'waived') return (await endWaiver(s, request, today)) ? 'changed' : 'unchanged';
  const outcome = await reevaluateRequest(s, request, today);
  // A renewal request is an email, not a change of status.
  if (outcome === 'unchanged') await requestRenewal(s, request, today, renewalDays);
  return outcome;
}

async function repairRequest(s: Services, run: SyncRun, requestId: string): Promise<void> {
  await s.db.transaction((trx) => wantWriteBack(trx, run.companyId, requestId));
  await writeDue(s, run, requestId);
}

async function writeDue(s: Services, run: SyncRun, requestId: string): Promise<void> {
  try {
    const done = await writeBackRequest(s, run.companyId, requestId);
    if (done.written) run.counts.written++;
    else if (done.waiting) run.counts.failed++;
  } catch (err) {
    run.counts.failed++;
    s.log.warn({ err, requestId }, 'nightly repair of a Procore record failed');
  }
}

/** Whether Procore's record still says what we last wrote. */
export function matches(record: ProcoreInsurance | undefined, written: Partial<InsuranceFields>): boolean {
  if (!record) return false;
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  const limit = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return (
    same(record.insurance_type, written.insurance_type) &&
    same(record.insurance_provider, written.name) &&
    same(record.policy_number, written.policy_number) &&
    same(record.effective_date, written.effective_date) &&
    same(record.expiration_date, written.expiration_date) &&
    same(limit(record.limit), limit(written.limit)) &&
    same(record.status, written.status) &&
    same(record.exempt ?? false, written.exempt ?? false) &&
    same(record.notes, written.notes)
  );
}
