import type { Services } from '../services';
import type { CreateRequests, CreateRequestsResult, RequestDetail, RequestSummary } from '../contracts/requests';
import type { SessionUser } from '../contracts/session';
import { NotFoundError, ValidationError, ConflictError } from '../errors';
import { projectDirectory, companyDirectory } from '../directory/service';
import { actorOf } from '../permissions/actor';
import * as directoryRepo from '../directory/repository';
import { revokeUploadLinks } from '../portal/links';
import { createRequests, type Candidate } from './create';
import { optedOut } from '../sms/opt-outs';
import { activeRequestVendors, findRequest, markRequestDeleted, recipientMobile, toSummary } from './repository';
import { addEvent } from './timeline';
import { moveRequest } from './lifecycle';
import { describeIntent, findIntent, wantWriteBack } from '../sync/writeback-intents';
import { describeEvent } from './describe';
import { visibleEvents } from './timeline-view';

// Requests as users make them: project requests over the project directory, global requests
// over the company directory, and the life of a request (cancel, archive, delete). Routes
// authorize every call first (server/permissions).

export async function requestForProject(s: Services, user: SessionUser, companyId: string, projectId: string, body: CreateRequests): Promise<CreateRequestsResult> {
  const directory = await projectDirectory(s, user.id, companyId, projectId);
  return request(s, user, companyId, directory.company.name, directory.project, body, directory.vendors);
}

export async function requestGlobal(s: Services, user: SessionUser, companyId: string, body: CreateRequests): Promise<CreateRequestsResult> {
  const directory = await companyDirectory(s, user.id, companyId);
  return request(s, user, companyId, directory.company.name, null, body, directory.vendors);
}

async function request(
  s: Services,
  user: SessionUser,
  companyId: string,
  companyName: string,
  project: { id: string; name: string } | null,
  body: CreateRequests,
  directory: { vendorId: string; name: string; email: string | null }[],
): Promise<CreateRequestsResult> {
  const inDirectory = new Map(directory.map((v) => [v.vendorId, v]));
  const outside = body.vendorIds.filter((id) => !inDirectory.has(id));
  if (outside.length) {
    const where = project ? `the ${project.name} directory` : 'the company directory';
    throw new ValidationError(`Only companies in ${where} can be requested; not: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? '…' : ''}.`, { vendorIds: outside });
  }
  const fixes = body.emails ?? {};
  const unknownFixes = Object.keys(fixes).filter((id) => !body.vendorIds.includes(id));
  if (unknownFixes.length) throw new ValidationError(`Email fixes were sent for companies that are not selected: ${unknownFixes.join(', ')}.`);
  for (const [vendorId, email] of Object.entries(fixes)) await directoryRepo.saveEmailOverride(s.db, companyId, vendorId, email);

  const candidates: Candidate[] = [...new Set(body.vendorIds)].map((id) => {
    const v = inDirectory.get(id)!;
    return { vendorId: id, name: v.name, email: fixes[id] ?? v.email };
  });
  const active = await activeRequestVendors(s.db, companyId, project?.id ?? null, candidates.map((c) => c.vendorId));
  return createRequests(s, { companyId, companyName, project, origin: project ? 'click' : 'global', actor: actorOf(user), candidates }, active);
}

/** `managerView`: compliance managers also see whether Procore shows this request. */
export async function requestDetail(s: Services, companyId: string, requestId: string, managerView: boolean): Promise<RequestDetail> {
  const row = await findRequest(s.db, companyId, requestId);
  if (!row) throw new NotFoundError('No such request in this company.');
  const events = await s.db('request_events').where({ company_id: companyId, request_id: requestId }).orderBy([{ column: 'at' }, { column: 'id' }]);
  const documents = await s.db('documents')
    .where({ company_id: companyId, request_id: requestId })
    .orderBy('created_at')
    .select('id', 'filename', 'size', 'created_at', 'read_status');
  const mobile = await recipientMobile(s.db, companyId, requestId);
  return {
    ...toSummary(row),
    deleted: row.deleted_at !== null,
    recipientMobile: mobile,
    mobileOptedOut: mobile ? await optedOut(s.db, companyId, mobile) : false,
    // Managers see whether Procore shows this request (and are told to reconnect when it cannot).
    ...(managerView ? { procore: describeIntent(await findIntent(s.db, companyId, requestId)) } : {}),
    timeline: visibleEvents(events).map((e) => ({ id: String(e.id), at: (e.at as Date).toISOString(), kind: e.kind, actor: e.actor_label, summary: describeEvent(e.kind, e.data) })),
    documents: documents.map((d) => ({ id: d.id, filename: d.filename, size: d.size, createdAt: (d.created_at as Date).toISOString(), readStatus: d.read_status })),
  };
}

export async function cancelRequest(s: Services, user: SessionUser, companyId: string, requestId: string): Promise<RequestSummary> {
  return lifecycle(s, user, companyId, requestId, async (trx) => {
    const { moved } = await moveRequest(trx, { companyId, requestId, transition: 'cancel', actor: actorOf(user), reason: 'Cancelled before anything was received' });
    if (!moved) throw new ConflictError('Only a request that is still Pending can be cancelled; archive it instead.');
    await trx('emails').where({ request_id: requestId, status: 'queued' }).update({ status: 'failed', last_error: 'request cancelled' });
    await addEvent(trx, { companyId, requestId, kind: 'cancelled', actor: actorOf(user) });
  });
}

export async function archiveRequest(s: Services, user: SessionUser, companyId: string, requestId: string): Promise<RequestSummary> {
  return lifecycle(s, user, companyId, requestId, async (trx) => {
    const { moved } = await moveRequest(trx, { companyId, requestId, transition: 'archive', actor: actorOf(user), reason: 'Archived' });
    if (!moved) throw new ConflictError('This request is already archived or cancelled.');
    await addEvent(trx, { companyId, requestId, kind: 'archived', actor: actorOf(user) });
  });
}

export async function deleteRequest(s: Services, user: SessionUser, companyId: string, requestId: string, reason: string): Promise<{ deleted: true }> {
  await s.db.transaction(async (trx) => {
    if (!(await markRequestDeleted(trx, companyId, requestId, user.id))) throw new NotFoundError('No such request in this company.');
    await revokeUploadLinks(trx, requestId);
    await trx('emails').where({ request_id: requestId, status: 'queued' }).update({ status: 'failed', last_error: 'request deleted' });
    await addEvent(trx, { companyId, requestId, kind: 'deleted', actor: actorOf(user), data: { reason } });
    // What the app wrote to Procore for this request is removed.
    await wantWriteBack(trx, companyId, requestId);
  });
  s.log.info({ companyId, requestId, userId: user.id }, 'request deleted');
  return { deleted: true };
}

async function lifecycle(
  s: Services,
  user: SessionUser,
  companyId: string,
  requestId: string,
  change: (trx: Parameters<Parameters<Services['db']['transaction']>[0]>[0]) => Promise<void>,
): Promise<RequestSummary> {
  if (!(await findRequest(s.db, companyId, requestId))) throw new NotFoundError('No such request in this company.');
  await s.db.transaction(async (trx) => {
    await change(trx);
    await revokeUploadLinks(trx, requestId);
  });
  return toSummary((await findRequest(s.db, companyId, requestId))!);
}
