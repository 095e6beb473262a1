import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { USER_DMSA } from './seed-people';
import type { EmulatorState } from './store';
import type { AccessToken } from './types';
import { bodyObject } from './http';
import { renderAuthorizePage, renderOAuthError } from './oauth-pages';

// login.procore.com stand-in: authorization code, refresh (single-use, rotating) and
// client_credentials grants, token info and revoke. Bodies may be form-encoded or JSON.

export interface OAuthConfig {
  appUrl: string;
  clientId: string;
  clientSecret: string;
  accessTokenTtlSeconds: number;
}

const CODE_TTL_MS = 10 * 60 * 1000;

function secret(): string {
  return randomBytes(32).toString('hex');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function issueToken(state: EmulatorState, config: OAuthConfig, userId: number, grant: AccessToken['grant_type']): AccessToken {
  const now = Date.now();
  const token: AccessToken = {
    access_token: secret(),
    refresh_token: grant === 'client_credentials' ? null : secret(),
    user_id: userId,
    client_id: config.clientId,
    grant_type: grant,
    created_at: Math.floor(now / 1000),
    expires_at: now + config.accessTokenTtlSeconds * 1000,
    revoked: false,
  };
  state.tokens.set(token.access_token, token);
  if (token.refresh_token) state.refreshTokens.set(token.refresh_token, token.access_token);
  return token;
}

function tokenResponse(token: AccessToken, ttl: number): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: token.access_token,
    token_type: 'bearer',
    expires_in: ttl,
    created_at: token.created_at,
  };
  if (token.refresh_token) body.refresh_token = token.refresh_token;
  return body;
}

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

/** The token record behind a Bearer header, if it is live. */
export function liveToken(state: EmulatorState, header: string | undefined): { token?: AccessToken; problem?: string } {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return { problem: 'The access token is missing' };
  const token = state.tokens.get(match[1]);
  if (!token) return { problem: 'The access token is invalid' };
  if (token.revoked) return { problem: 'The access token was revoked' };
  if (Date.now() >= token.expires_at) return { problem: 'The access token expired' };
  return { token };
}

export function revokeToken(state: EmulatorState, token: AccessToken): void {
  token.revoked = true;
  if (token.refresh_token) state.refreshTokens.delete(token.refresh_token);
}

function exchangeCode(state: EmulatorState, config: OAuthConfig, body: Record<string, unknown>, res: Response): void {
  const code = state.codes.get(str(body.code));
  if (!code || code.expires_at < Date.now() || code.redirect_uri !== str(body.redirect_uri) || code.client_id !== config.clientId) {
    oauthError(res, 401, 'invalid_grant', 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.');
    return;
  }
  state.codes.delete(code.code);
  res.json(tokenResponse(issueToken(state, config, code.user_id, 'authorization_code'), config.accessTokenTtlSeconds));
}

function refresh(state: EmulatorState, config: OAuthConfig, body: Record<string, unknown>, res: Response): void {
  const presented = str(body.refresh_token);
  const accessKey = state.refreshTokens.get(presented);
  const previous = accessKey ? state.tokens.get(accessKey) : undefined;
  if (!previous) {
    oauthError(res, 401, 'invalid_grant', 'The refresh token is invalid, was already used or was revoked.');
    return;
  }
  // Single use: the old refresh token dies now even if the client never receives the reply.
  state.refreshTokens.delete(presented);
  previous.refresh_token = null;
  res.json(tokenResponse(issueToken(state, config, previous.user_id, 'refresh_token'), config.accessTokenTtlSeconds));
}

function tokenEndpoint(state: EmulatorState, config: OAuthConfig) {
  return (req: Request, res: Response): void => {
    const body = { ...(req.query as Record<string, unknown>), ...bodyObject(req) };
    const grant = str(body.grant_type);
    if (!['authorization_code', 'refresh_token', 'client_credentials'].includes(grant)) {
      oauthError(res, 400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
      return;
    }
    if (str(body.client_id) !== config.clientId || str(body.client_secret) !== config.clientSecret) {
      oauthError(res, 401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
      return;
    }
    if (grant === 'authorization_code') exchangeCode(state, config, body, res);
    else if (grant === 'refresh_token') refresh(state, config, body, res);
    else res.json(tokenResponse(issueToken(state, config, USER_DMSA, 'client_credentials'), config.accessTokenTtlSeconds));
  };
}

function authorizeChecks(config: OAuthConfig, params: Record<string, unknown>): string | null {
  if (str(params.response_type) !== 'code') return 'The authorization server does not support this response type.';
  if (str(params.client_id) !== config.clientId) return 'Client authentication failed due to unknown client.';
  const redirect = str(params.redirect_uri);
  if (!redirect.startsWith(config.appUrl)) return 'The redirect uri included is not valid.';
  return null;
}

function redirectWith(res: Response, redirectUri: string, values: Record<string, string>): void {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(values)) if (v) url.searchParams.set(k, v);
  res.redirect(302, url.toString());
}

function authorizeDecision(state: EmulatorState, config: OAuthConfig) {
  return (req: Request, res: Response): void => {
    const body = bodyObject(req);
    const problem = authorizeChecks(config, body);
    if (problem) {
      res.status(400).type('html').send(renderOAuthError(problem));
      return;
    }
    const redirectUri = str(body.redirect_uri);
    const stateParam = str(body.state);
    if (str(body.decision) !== 'allow') {
      redirectWith(res, redirectUri, { error: 'access_denied', error_description: 'The resource owner denied the request.', state: stateParam });
      return;
    }
    const user = state.users.find((u) => String(u.id) === str(body.user_id) && !u.is_service_account);
    if (!user) {
      res.status(400).type('html').send(renderAuthorizePage(state, body, 'Choose a user to sign in as.'));
      return;
    }
    const code = secret();
    state.codes.set(code, { code, client_id: config.clientId, redirect_uri: redirectUri, user_id: user.id, expires_at: Date.now() + CODE_TTL_MS });
    redirectWith(res, redirectUri, { code, state: stateParam });
  };
}

export function oauthRouter(state: EmulatorState, config: OAuthConfig): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    // Procore's login page refuses to render inside an iframe.
    res.set('X-Frame-Options', 'DENY');
    res.set('Content-Security-Policy', "frame-ancestors 'none'");
    next();
  });
  router.get('/authorize', (req, res) => {
    const problem = authorizeChecks(config, req.query as Record<string, unknown>);
    if (problem) res.status(400).type('html').send(renderOAuthError(problem));
    else res.type('html').send(renderAuthorizePage(state, req.query as Record<string, unknown>));
  });
  router.post('/authorize', authorizeDecision(state, config));
  router.post('/token', tokenEndpoint(state, config));
  router.get('/token/info', (req, res) => {
    const { token, problem } = liveToken(state, req.get('authorization'));
    if (!token) {
      oauthError(res, 401, 'invalid_token', problem ?? 'invalid');
      return;
    }
    res.json({
      resource_owner_id: token.user_id,
      scope: [],
      expires_in_seconds: Math.max(0, Math.floor((token.expires_at - Date.now()) / 1000)),
      application: { uid: token.client_id },
      created_at: token.created_at,
    });
  });
  router.post('/revoke', (req, res) => {
    const body = bodyObject(req);
    const presented = str(body.token);
    const viaRefresh = state.refreshTokens.get(presented);
    const token = state.tokens.get(viaRefresh ?? presented);
    if (token && str(body.client_id) === config.clientId && str(body.client_secret) === config.clientSecret) revokeToken(state, token);
    res.status(200).json({});
  });
  return router;
}
