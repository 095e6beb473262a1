import type { Knex } from 'knex';
import type { Services } from '../services';
import type { Extraction } from '../contracts/extraction';
import type { Outcome, Verdict } from '../compliance/types';
import { sendEmailRetries } from '../jobs/send-email';
import { addEvent } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import { wantWriteBack } from '../sync/writeback-intents';
import { pickCertificate } from './certificate';
import { checkCertificate } from './check';
import {
  findActiveRequest,
  insertCoverageRequest,
  insertVerdict,
  projectsWithOwnRequirements,
  uploadedDocuments,
  type EvaluatedRequest,
} from './evaluation-repository';
import { deficiencyMessages, isoToday, verdictFingerprint } from './findings';
import { complianceActor, queueDeficiencyEmail } from './notices';

// A compliant global (annual) certificate shows on every project's directory. A project with
// stricter requirements of its own must show its own gaps instead: the certificate is checked
// against that project's set, and where it falls short a project request is opened (or kept
// up to date) in Awaiting New COI, and the sub is told what that project needs.

export interface ProjectCoverage {
  projectId: string;
  projectName: string;
  /** The annual certificate is enough for this project (deficient is the only outcome that is not). */
  covered: boolean;
  outcome: Outcome;
  /** The project's own request, if it has one (opened here or by a person). */
  requestId: string | null;
  deficiencies: string[];
}

interface GlobalCertificate {
  request: EvaluatedRequest;
  documentId: string;
  extraction: Extraction;
}

export async function projectCoverage(s: Services, companyId: string, vendorId: string, today: string = isoToday()): Promise<ProjectCoverage[]> {
  const request = await findActiveRequest(s.db, companyId, vendorId, null);
  if (!request || request.status !== 'compliant') return [];
  const pick = pickCertificate((await uploadedDocuments(s.db, companyId, [request.id])).get(request.id) ?? []);
  if (pick.kind !== 'document') return [];
  const certificate = { request, documentId: pick.documentId, extraction: pick.extraction };
  const out: ProjectCoverage[] = [];
  for (const project of await projectsWithOwnRequirements(s.db, companyId, vendorId)) out.push(await coverProject(s, certificate, project, today));
  return out;
}

async function coverProject(s: Services, g: GlobalCertificate, project: { id: string; name: string }, today: string): Promise<ProjectCoverage> {
  const scoped: EvaluatedRequest = { ...g.request, projectId: project.id, projectName: project.name };
  const verdict = await checkCertificate(s.db, scoped, g, today);
  const existing = await findActiveRequest(s.db, scoped.companyId, scoped.vendorId, project.id);
  const opened = existing?.origin === 'global' && existing.status === 'awaiting_new_coi' ? existing : null;
  const result = { projectId: project.id, projectName: project.name, outcome: verdict.outcome, deficiencies: deficiencyMessages(verdict) };
  if (verdict.outcome !== 'deficient') {
    if (opened) await closeGap(s, opened, project.name);
    return { ...result, covered: true, requestId: existing?.id ?? null };
  }
  // A request a person opened for this project follows its own certificate; leave it alone.
  if (existing && !opened) return { ...result, covered: false, requestId: existing.id };
  const { requestId, emailId } = await s.db.transaction((trx) => recordGap(s, trx, g, scoped, opened, verdict));
  if (emailId) await s.enqueueMany('send-email', [{ emailId }], sendEmailRetries);
  return { ...result, covered: false, requestId };
}

/** Opens (or reuses) the project request, stores the verdict and, for new findings, explains and emails. */
async function recordGap(
  s: Services,
  trx: Knex.Transaction,
  g: GlobalCertificate,
  scoped: EvaluatedRequest,
  opened: EvaluatedRequest | null,
  verdict: Verdict,
): Promise<{ requestId: string | null; emailId: string | null }> {
  const base = { companyId: scoped.companyId, vendorId: scoped.vendorId, projectId: scoped.projectId! };
  const newId = opened ? null : await insertCoverageRequest(trx, { ...base, recipientEmail: g.request.recipientEmail, brokerEmail: g.request.brokerEmail });
  const requestId = opened?.id ?? newId;
  // Another request for this project appeared meanwhile (a racing evaluation or a person).
  if (!requestId) return { requestId: null, emailId: null };
  const request: EvaluatedRequest = { ...scoped, id: requestId, origin: 'global', status: 'awaiting_new_coi' };
  if (newId) {
    await addEvent(trx, {
      companyId: base.companyId,
      requestId,
      kind: 'requested',
      actor: complianceActor,
      data: { origin: 'global', how: `opened because the annual certificate falls short of ${scoped.projectName}'s own requirements`, projectId: base.projectId, globalRequestId: g.request.id },
    });
    await wantWriteBack(trx, base.companyId, requestId);
  }
  const stored = await insertVerdict(trx, { companyId: base.companyId, requestId, documentId: g.documentId, fingerprint: verdictFingerprint(verdict), verdict });
  if (!stored.created) return { requestId, emailId: null };
  const messages = deficiencyMessages(verdict);
  await addEvent(trx, {
    companyId: base.companyId,
    requestId,
    kind: 'coverage_gap',
    actor: complianceActor,
    data: {
      verdictId: stored.id,
      globalRequestId: g.request.id,
      documentId: g.documentId,
      deficiencies: messages,
      message: `The annual certificate meets the company's requirements but not ${scoped.projectName}'s own: ${messages.join(' ')}`,
    },
  });
  return { requestId, emailId: await queueDeficiencyEmail(s, trx, request, { id: stored.id, verdict }, true) };
}

/** The annual certificate now meets the project's set (e.g. its requirements were relaxed). */
async function closeGap(s: Services, r: EvaluatedRequest, projectName: string): Promise<void> {
  await s.db.transaction((trx) =>
    moveRequest(trx, {
      companyId: r.companyId,
      requestId: r.id,
      transition: 'closeGap',
      actor: complianceActor,
      reason: `The annual certificate meets ${projectName}'s own requirements`,
    }),
  );
}
