import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Services } from '../services';
import { handle, parse } from '../http';
import { ProcoreClient } from '../procore/client';
import { meSchema } from '../procore/records';
import { randomToken } from './crypto';
import { deleteGrant, saveGrant, userTokens } from './grants';
import { currentUser, requireUser, sessionToken } from './require-user';
import { clearPanelCookie, setPanelCookie } from './panel-cookie';
import { createSession, deleteSession, deleteUserSessions, upsertUser } from './sessions';
import { popupPage } from './popup-page';
import { accessFor } from '../permissions/authorize';
import { sessionQuerySchema } from '../contracts/permissions';

declare module 'express-session' {
  interface SessionData {
    oauthState?: string;
  }
}

const callbackQuery = z.object({
  code: z.string().min(1).max(512).optional(),
  state: z.string().min(1).max(256).optional(),
  error: z.string().max(200).optional(),
});

export function authRoutes(s: Services): Router {
  const r = Router();

  r.get('/auth/procore/start', (req, res) => {
    const state = randomToken();
    req.session.oauthState = state;
    req.session.save((err) => (err ? res.status(500).send('Could not start sign-in.') : res.redirect(s.oauth.authorizeUrl(state))));
  });

  r.get('/auth/procore/callback', (req, res, next) => {
    finishSignIn(s, req, res).catch(next);
  });

  r.get(
    '/api/session',
    requireUser(s.db),
    handle(async (req, res) => {
      const user = currentUser(res);
      const { companyId, projectId } = parse(sessionQuerySchema, req.query, 'session query');
      // (Re)issues the partitioned cookie: the panel stays signed in on Procore's next page.
      const token = sessionToken(req);
      if (token) setPanelCookie(res, token);
      const access = companyId ? await accessFor(s, user, companyId, projectId ?? null) : null;
      return { user, access, fullScreenPaths: s.config.fullScreenPaths };
    }),
  );

  r.post(
    '/api/session/sign-out',
    requireUser(s.db),
    handle(async (req, res) => {
      const user = currentUser(res);
      const token = sessionToken(req);
      if (token) await deleteSession(s.db, token);
      clearPanelCookie(res);
      await revokeQuietly(s, user.id);
      await deleteUserSessions(s.db, user.id);
      return { signedOut: true };
    }),
  );
  return r;
}

async function finishSignIn(s: Services, req: Request, res: Response): Promise<void> {
  const q = parse(callbackQuery, req.query, 'sign-in answer');
  const expected = req.session.oauthState;
  req.session.oauthState = undefined;
  const fail = (reason: string) => popupPage(res, s.config.appOrigin, { type: 'authentication.failure', payload: { reason } });
  if (q.error) return fail(q.error === 'access_denied' ? 'You did not allow access in Procore.' : 'Procore did not complete the sign-in.');
  if (!q.code || !q.state || !expected || q.state !== expected) {
    return fail('This sign-in link is stale or was not started here. Close this window and try again.');
  }
  const token = await s.oauth.exchangeCode(q.code);
  const client = new ProcoreClient({
    apiUrl: s.procoreApiUrl,
    tokens: { accessToken: async () => token.access_token, refreshed: async () => token.access_token },
  });
  const me = await client.get('/rest/v1.0/me', meSchema);
  const user = { id: me.id, login: me.login, name: me.name ?? me.login };
  await upsertUser(s.db, user);
  await saveGrant(s.db, s.sealer, user.id, token);
  const sessionToken = await createSession(s.db, user.id);
  s.log.info({ userId: user.id }, 'user connected to Procore');
  popupPage(res, s.config.appOrigin, { type: 'authentication.success', payload: { token: sessionToken } });
}

async function revokeQuietly(s: Services, userId: string): Promise<void> {
  try {
    const token = await userTokens(s.db, s.sealer, s.oauth, userId).accessToken();
    await s.oauth.revoke(token);
  } catch (err) {
    s.log.warn({ userId, err: (err as Error).message }, 'Procore token revoke failed; the grant is deleted anyway');
  }
  await deleteGrant(s.db, userId);
}
