import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { USER_COMPLIANCE, USER_DMSA } from './seed-people';
import { api, APP_URL, CLIENT, form, signIn, start, type TokenBody } from './test-helpers';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start({ accessTokenTtlSeconds: 60 });
});
afterAll(() => emulator.close());

const redirectUri = `${APP_URL}/auth/callback`;
const authorizeQuery = new URLSearchParams({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: redirectUri, state: 's1' });

async function token(values: Record<string, string>): Promise<Response> {
  return fetch(`${emulator.url}/oauth/token`, form({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, ...values }));
}

describe('authorization code flow', () => {
  it('shows the sign-in page, redirects with a single-use code and exchanges it', async () => {
    const page = await fetch(`${emulator.url}/oauth/authorize?${authorizeQuery}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toContain('Carla Nguyen');
    expect(html).toContain('Summit Ridge Builders');
    expect(html).toContain('value="allow"');

    const post = await fetch(`${emulator.url}/oauth/authorize`, {
      ...form({ ...Object.fromEntries(authorizeQuery), user_id: String(USER_COMPLIANCE), decision: 'allow' }),
      redirect: 'manual',
    });
    expect(post.status).toBe(302);
    const location = new URL(post.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code') ?? '';

    const exchanged = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    const body = (await exchanged.json()) as TokenBody;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 60 });
    expect(body.refresh_token).toMatch(/^[0-9a-f]{64}$/);
    const me = await api(emulator, body.access_token, '/rest/v1.0/me', { companyId: null });
    expect(await me.json()).toMatchObject({ id: USER_COMPLIANCE, name: 'Carla Nguyen' });

    const reused = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('accepts a JSON token request', async () => {
    const redirect = await fetch(`${emulator.url}/oauth/authorize`, { ...form({ ...Object.fromEntries(authorizeQuery), user_id: String(USER_COMPLIANCE), decision: 'allow' }), redirect: 'manual' });
    const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const response = await fetch(`${emulator.url}/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }),
    });
    expect(response.status).toBe(200);
  });

  it('redirects with access_denied on Deny and refuses a wrong client or redirect', async () => {
    const denied = await fetch(`${emulator.url}/oauth/authorize`, { ...form({ ...Object.fromEntries(authorizeQuery), decision: 'deny' }), redirect: 'manual' });
    const location = new URL(denied.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('s1');

    const wrongClient = await fetch(`${emulator.url}/oauth/authorize?${new URLSearchParams({ ...Object.fromEntries(authorizeQuery), client_id: 'other' })}`);
    expect(wrongClient.status).toBe(400);
    expect(await wrongClient.text()).toContain('unknown client');
    const wrongRedirect = await fetch(`${emulator.url}/oauth/authorize?${new URLSearchParams({ ...Object.fromEntries(authorizeQuery), redirect_uri: 'https://evil.example/cb' })}`);
    expect(wrongRedirect.status).toBe(400);
  });

  it('rejects a wrong client secret', async () => {
    const response = await token({ grant_type: 'client_credentials', client_secret: 'nope' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('tokens', () => {
  it('rotates refresh tokens: each is single-use', async () => {
    const first = await signIn(emulator, USER_COMPLIANCE);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' });
    const second = (await refreshed.json()) as TokenBody;
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reuse = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' });
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
    const again = await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token ?? '' });
    expect(again.status).toBe(200);
  });

  it('issues client_credentials tokens for the DMSA without a refresh token', async () => {
    const response = await token({ grant_type: 'client_credentials' });
    const body = (await response.json()) as TokenBody;
    expect(body.refresh_token).toBeUndefined();
    const info = await fetch(`${emulator.url}/oauth/token/info`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(await info.json()).toMatchObject({ resource_owner_id: USER_DMSA, application: { uid: CLIENT.clientId }, expires_in_seconds: expect.any(Number) as number });
    // A DMSA needs the company header even on /me.
    const me = await api(emulator, body.access_token, '/rest/v1.0/me', { companyId: null });
    expect(me.status).toBe(400);
  });

  it('revokes the access token and its refresh token, answering 200 even for junk', async () => {
    const t = await signIn(emulator, USER_COMPLIANCE);
    const revoke = await fetch(`${emulator.url}/oauth/revoke`, form({ token: t.access_token, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }));
    expect(revoke.status).toBe(200);
    expect((await api(emulator, t.access_token, '/rest/v1.0/me', { companyId: null })).status).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token ?? '' })).status).toBe(401);
    const junk = await fetch(`${emulator.url}/oauth/revoke`, form({ token: 'junk', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }));
    expect(junk.status).toBe(200);
  });

  it('answers 401 for an expired token, and the expire helper can force it', async () => {
    const t = await signIn(emulator, USER_COMPLIANCE);
    expect((await api(emulator, t.access_token, '/rest/v1.0/companies', { companyId: null })).status).toBe(200);
    const expire = await fetch(`${emulator.url}/__emulator/tokens/expire`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: t.access_token }) });
    expect(await expire.json()).toEqual({ expired: 1 });
    const response = await api(emulator, t.access_token, '/rest/v1.0/companies', { companyId: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await response.json()).toMatchObject({ message: 'The access token expired' });
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
  });

  it('revoke-all kills every token', async () => {
    const t = await signIn(emulator, USER_COMPLIANCE);
    await fetch(`${emulator.url}/__emulator/tokens/revoke-all`, { method: 'POST' });
    expect((await api(emulator, t.access_token, '/rest/v1.0/me', { companyId: null })).status).toBe(401);
  });

  it('expires access tokens after the configured lifetime', async () => {
    const short = await start({ accessTokenTtlSeconds: 1 });
    try {
      const t = await signIn(short, USER_COMPLIANCE);
      expect((await api(short, t.access_token, '/rest/v1.0/me', { companyId: null })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await api(short, t.access_token, '/rest/v1.0/me', { companyId: null })).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
