import { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema } from '../contracts/directory';
import { digestStateSchema, type DigestState } from '../contracts/notifications';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { authorize } from '../permissions/authorize';
import { digestSubscribed, setDigestSubscribed } from './subscriptions';

// The signed-in user's own daily digest: anyone who may read the company's requests may turn it
// on or off for themselves.
export function digestRoutes(s: Services): Router {
  const r = Router();
  const path = '/api/companies/:companyId/digest';
  r.use('/api/companies', requireUser(s.db));
  r.get(path, handle(async (req, res): Promise<DigestState> => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'requests.view');
    return { subscribed: await digestSubscribed(s.db, companyId, currentUser(res).id) };
  }));
  r.put(path, handle(async (req, res): Promise<DigestState> => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'requests.view');
    const { subscribed } = parse(digestStateSchema, req.body ?? {}, 'digest');
    return { subscribed: await setDigestSubscribed(s.db, companyId, currentUser(res).id, subscribed) };
  }));
  return r;
}
