import { createServer } from 'node:net';
import { loadConfig } from '../server/config';
import { startApp, type RunningApp } from '../server/index';
import type { AppOptions } from '../server/app';
import { startEmulator, type Emulator, type EmulatorOptions } from '../scripts/procore-emulator/index';
import { startMailSink } from '../scripts/procore-emulator/mail-sink';
import type { TestDatabase } from './db';

// The whole product for integration and browser tests: a fresh database, the Procore
// emulator, a real SMTP sink and the app, each on its own free port.

export interface Stack {
  app: RunningApp;
  emulator: Emulator;
  mail: Awaited<ReturnType<typeof startMailSink>>;
  database: TestDatabase;
  /** Signs in through the real OAuth flow (start → emulator consent → callback); returns the panel's session token. */
  signIn(userId: number): Promise<string>;
  api(token: string | null, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

export interface StackOptions extends AppOptions {
  emulator?: Partial<EmulatorOptions>;
  env?: Record<string, string>;
  /** A database to use instead of a fresh per-file test database (benchmarks run outside vitest). */
  database?: TestDatabase;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const database = options.database ?? (await (await import('./db')).createTestDatabase());
  const mail = await startMailSink({ port: 0 });
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const emulator = await startEmulator({
    port: 0,
    appUrl,
    clientId: 'test-client',
    clientSecret: 'test-secret',
    mail: () => mail.messages(),
    webhookRetryDelaysMs: [200, 500],
    ...options.emulator,
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: appUrl,
    DATABASE_URL: database.url,
    SECRET_KEY: 'test-secret-key-that-is-long-enough-123',
    PROCORE_CLIENT_ID: 'test-client',
    PROCORE_CLIENT_SECRET: 'test-secret',
    PROCORE_LOGIN_URL: emulator.url,
    PROCORE_API_URL: emulator.url,
    PROCORE_FRAME_ORIGINS: new URL(emulator.url).origin,
    SMTP_URL: mail.url,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  const app = await startApp(config, options);

  const api = (token: string | null, path: string, init: RequestInit = {}) =>
    fetch(`${app.url}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...init.headers },
    });

  return {
    app,
    emulator,
    mail,
    database,
    api,
    signIn: (userId) => signInThroughEmulator(app.url, userId),
    async close() {
      await app.stop();
      await emulator.close();
      await mail.close();
      await database.drop();
    },
  };
}

/** Signs a user in as the panel does, through the emulator's consent page; the panel's session token. */
export async function signInThroughEmulator(appUrl: string, userId: number): Promise<string> {
  const start = await fetch(`${appUrl}/auth/procore/start`, { redirect: 'manual' });
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const authorize = new URL(start.headers.get('location') ?? '');
  const form = new URLSearchParams(authorize.searchParams);
  form.set('user_id', String(userId));
  form.set('decision', 'allow');
  const consent = await fetch(`${authorize.origin}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const callback = consent.headers.get('location');
  if (!callback) throw new Error(`emulator consent did not redirect (${consent.status})`);
  const page = await (await fetch(callback, { headers: { cookie } })).text();
  const token = /"token":"([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error(`sign-in did not hand out a session: ${page.slice(0, 300)}`);
  return token;
}
