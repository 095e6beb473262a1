import type { Services } from '../services';
import type { RequestSummary } from '../contracts/requests';
import type { SessionUser } from '../contracts/session';
import { ConflictError, NotFoundError } from '../errors';
import { actorOf } from '../permissions/actor';
import { createUploadLink } from '../portal/links';
import { getSettings } from './settings';
import { findRequest, toSummary } from './repository';
import type { RequestStatus } from '../contracts/requests';
import { addEvent } from './timeline';
import { moveRequest } from './lifecycle';

// Undoing an archive: the request goes back to the status it had when it was archived. A
// request still waiting for a file gets a fresh upload link (archiving revoked the old one),
// which its next reminder carries; nothing is emailed now.

const waitingForFile: RequestStatus[] = ['pending', 'awaiting_new_coi'];

async function statusBeforeArchive(db: Services['db'], companyId: string, requestId: string): Promise<RequestStatus> {
  const row = (await db('request_events')
    .where({ company_id: companyId, request_id: requestId, kind: 'status_changed' })
    .whereRaw("data->>'to' = 'archived'")
    .orderBy('id', 'desc')
    .first('data')) as { data: { from?: RequestStatus } } | undefined;
  const from = row?.data.from;
  return from && from !== 'archived' && from !== 'cancelled' ? from : 'pending';
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

export async function unarchiveRequest(s: Services, user: SessionUser, companyId: string, requestId: string): Promise<RequestSummary> {
  const found = await findRequest(s.db, companyId, requestId);
  if (!found || found.deleted_at) throw new NotFoundError('No such request in this company.');
  const back = await statusBeforeArchive(s.db, companyId, requestId);
  const actor = actorOf(user);
  const { linkTtlDays } = await getSettings(s.db, companyId);
  try {
    await s.db.transaction(async (trx) => {
      const { moved } = await moveRequest(trx, { companyId, requestId, transition: 'unarchive', to: back, actor, reason: 'Unarchived' });
      if (!moved) throw new ConflictError('Only an archived request can be unarchived.');
      await addEvent(trx, { companyId, requestId, kind: 'unarchived', actor, data: { status: back } });
      if (waitingForFile.includes(back)) await createUploadLink(trx, s.sealer, { companyId, requestId, ttlDays: linkTtlDays });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const scope = found.project_name ? `for ${found.project_name}` : 'for all projects';
    throw new ConflictError(`${found.vendor_name} already has a newer open request ${scope}; archive that one first to bring this one back.`);
  }
  return toSummary((await findRequest(s.db, companyId, requestId))!);
}
