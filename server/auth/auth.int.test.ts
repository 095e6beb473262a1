import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { USER_PM, USER_ADMIN } from '../../scripts/procore-emulator/seed-people';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

describe('sign-in through the popup', () => {
  it('hands the panel a session token and stores Procore tokens encrypted', async () => {
    const token = await stack.signIn(USER_PM);
    const res = await stack.api(token, '/api/session');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { user: { id: string; name: string } } };
    expect(body.data.user.id).toBe(String(USER_PM));

    const grant = await stack.database.db('procore_grants').where({ user_id: USER_PM }).first();
    expect(grant.access_token_enc).toMatch(/^v1\./);
    const issued = [...stack.emulator.state.tokens.keys(), ...stack.emulator.state.refreshTokens.keys()];
    for (const t of issued) expect(JSON.stringify(grant)).not.toContain(t);
    const session = await stack.database.db('app_sessions').where({ user_id: USER_PM }).first();
    expect(Buffer.from(session.token_hash).toString('base64url')).not.toBe(token);
  });

  it('refuses a callback whose state was not started here', async () => {
    const res = await fetch(`${stack.app.url}/auth/procore/callback?code=abc&state=forged`);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('authentication.failure');
    expect(page).not.toContain('"token"');
  });

  it('answers 401 without a session, or with an unknown one', async () => {
    expect((await stack.api(null, '/api/session')).status).toBe(401);
    const res = await stack.api('x'.repeat(43), '/api/session');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_signed_in');
  });

  it('refreshes an expired Procore token once, saving the rotated pair', async () => {
    const token = await stack.signIn(USER_ADMIN);
    const before = await stack.database.db('procore_grants').where({ user_id: USER_ADMIN }).first();
    await fetch(`${stack.emulator.url}/__emulator/tokens/expire`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const [a, b] = await Promise.all([
      stack.api(token, `/api/companies/4271001/vendors`),
      stack.api(token, `/api/companies/4271001/projects/2783001/vendors`),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const after = await stack.database.db('procore_grants').where({ user_id: USER_ADMIN }).first();
    expect(after.refresh_token_enc).not.toBe(before.refresh_token_enc);
  });

  it('sends the user back to Connect when Procore revokes the grant', async () => {
    const token = await stack.signIn(USER_PM);
    await fetch(`${stack.emulator.url}/__emulator/tokens/revoke-all`, { method: 'POST' });
    await stack.database.db('directory_syncs').delete();
    await stack.database.db('company_users').delete();
    const res = await stack.api(token, '/api/companies/4271001/vendors');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('procore_grant_invalid');
  });

  it('signs out: the session and the Procore grant are gone', async () => {
    const token = await stack.signIn(USER_PM);
    const out = await stack.api(token, '/api/session/sign-out', { method: 'POST' });
    expect(out.status).toBe(200);
    expect((await stack.api(token, '/api/session')).status).toBe(401);
    expect(await stack.database.db('procore_grants').where({ user_id: USER_PM }).first()).toBeUndefined();
  });

  it('keeps the panel signed in with a partitioned cookie, honoured only with the panel header, ended everywhere by sign-out', async () => {
    const token = await stack.signIn(USER_ADMIN);
    const first = await stack.api(token, '/api/session');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^coi_panel=[A-Za-z0-9_-]{20,}; Path=\/; Max-Age=43200; HttpOnly; Secure; SameSite=None; Partitioned$/);
    const cookie = setCookie.split(';')[0]!;
    const byCookie = (extra: Record<string, string> = { 'x-coi-panel': '1' }) => fetch(`${stack.app.url}/api/session`, { headers: { cookie, ...extra } });
    expect((await byCookie()).status).toBe(200);
    // A page of another site could send the cookie, but not the header without a preflight.
    expect((await byCookie({})).status).toBe(401);
    const other = await stack.signIn(USER_ADMIN);
    const out = await fetch(`${stack.app.url}/api/session/sign-out`, { method: 'POST', headers: { cookie, 'x-coi-panel': '1' } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBe('coi_panel=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned');
    expect((await byCookie()).status).toBe(401);
    expect((await stack.api(other, '/api/session')).status).toBe(401);
  });
});
