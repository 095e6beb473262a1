import type { Services } from '../services';
import type { ProcoreGrant, ProcoreGrantState } from '../contracts/requests';
import type { SessionUser } from '../contracts/session';
import { ForbiddenError, UpstreamError } from '../errors';
import { ProcoreClient } from '../procore/client';
import { companySchema } from '../procore/records';
import { findCompanyGrant, removeCompanyGrant, saveCompanyGrant } from '../auth/company-grant';
import { InvalidGrantError } from '../auth/oauth';
import { dueIntents, releaseWaiting, waitingCount } from '../sync/writeback-intents';
import { PROCORE_WRITEBACK } from '../jobs/procore-writeback';

// Settings: the grant background work uses in this company. A company admin connects the app's
// service account (DMSA) once (routes authorize: 'serviceAccount.connect' is for company admins);
// the app checks that Procore gives it this company before saving.

const toGrant = (g: NonNullable<Awaited<ReturnType<typeof findCompanyGrant>>>): ProcoreGrant => ({
  kind: g.kind,
  label: 'COI Compliance service account (DMSA)',
  connectedBy: g.connectedBy,
  connectedAt: g.connectedAt.toISOString(),
  lastOkAt: g.lastOkAt?.toISOString() ?? null,
  lastError: g.lastError,
  lastErrorAt: g.lastErrorAt?.toISOString() ?? null,
});

export async function readProcoreGrant(s: Services, companyId: string): Promise<ProcoreGrantState> {
  const grant = await findCompanyGrant(s.db, companyId);
  return { grant: grant ? toGrant(grant) : null, waitingWrites: await waitingCount(s.db, companyId) };
}

export async function connectProcoreGrant(s: Services, user: SessionUser, companyId: string): Promise<ProcoreGrantState> {
  let token;
  try {
    token = await s.oauth.clientCredentials();
  } catch (err) {
    if (err instanceof InvalidGrantError) throw new UpstreamError('Procore refused the app’s service account credentials.', 401, 'procore_grant_invalid', 502);
    throw err;
  }
  const service = new ProcoreClient({ apiUrl: s.procoreApiUrl, tokens: { accessToken: async () => token.access_token, refreshed: async () => token.access_token } });
  const companies = await service.getAll('/rest/v1.0/companies', companySchema, { companyId, perPage: 100 });
  if (!companies.some((c) => c.id === companyId)) {
    throw new ForbiddenError('Procore does not give the app’s service account this company. Install the app and allow its service account in Company Admin, then connect again.');
  }
  await saveCompanyGrant(s.db, s.sealer, { companyId, userId: user.id, userName: user.name, accessToken: token.access_token, expiresIn: token.expires_in });
  await releaseWaiting(s.db, companyId);
  // Everything that waited for a grant is written now, not at the next sweep.
  const due = await dueIntentsNow(s, companyId);
  if (due.length) await s.enqueueMany(PROCORE_WRITEBACK, due, { retryLimit: 8, retryDelay: 15, retryBackoff: true });
  const events = (await s.db('webhook_events').where({ company_id: companyId }).whereNull('processed_at').pluck('event_id')) as string[];
  if (events.length) await s.enqueueMany('procore-event', events.map((eventId) => ({ eventId })));
  s.log.info({ companyId, userId: user.id, released: due.length }, 'company service grant connected');
  return readProcoreGrant(s, companyId);
}

async function dueIntentsNow(s: Services, companyId: string) {
  return dueIntents(s.db, 5000, companyId, { includeRecent: true });
}

export async function disconnectProcoreGrant(s: Services, companyId: string): Promise<ProcoreGrantState> {
  await removeCompanyGrant(s.db, companyId);
  return readProcoreGrant(s, companyId);
}
