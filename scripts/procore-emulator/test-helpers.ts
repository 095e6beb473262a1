import { startEmulator, type Emulator, type EmulatorOptions } from './index';

// Shared by the emulator's own tests: start on a random port, sign in, call the REST API.

export const CLIENT = { clientId: 'test-client', clientSecret: 'test-secret' };
export const APP_URL = 'http://localhost:3999';

export function start(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ port: 0, appUrl: APP_URL, ...CLIENT, vendors: 300, ...options });
}

export function form(values: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values).toString() };
}

export interface TokenBody {
  access_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  created_at: number;
}

/** Runs the authorization-code flow as the given user through the sign-in form. */
export async function signIn(emulator: Emulator, userId: number): Promise<TokenBody> {
  const redirectUri = `${APP_URL}/auth/callback`;
  const response = await fetch(`${emulator.url}/oauth/authorize`, {
    ...form({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: redirectUri, state: 'xyz', user_id: String(userId), decision: 'allow' }),
    redirect: 'manual',
  });
  const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(`${emulator.url}/oauth/token`, form({
    grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret,
  }));
  return (await token.json()) as TokenBody;
}

export function api(emulator: Emulator, token: string, path: string, init: RequestInit & { companyId?: number | null; json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.companyId !== null) headers['procore-company-id'] = String(init.companyId ?? 4271001);
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${emulator.url}${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
    body: init.json === undefined ? init.body : JSON.stringify(init.json),
  });
}
