import { availableParallelism, freemem } from 'node:os';
import { z } from 'zod';
import { appVersion } from './version';

// Configuration is read once at boot (design.md 7.4). Nothing else reads process.env.
// Bad config fails fast with every problem listed in one message.

const url = z.url({ protocol: /^https?$/ });
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A path on Procore's own origin with {company} and {project} holes; never another host ("//host"). */
function fullScreenPath(needs: string) {
  return z
    .string()
    .trim()
    .regex(/^\/(?!\/)[A-Za-z0-9._~!$&'()*+,;=:@%/{}-]*$/, 'must be a path on Procore\'s site, starting with one "/"')
    .refine((v) => v.replace(/\{(company|project)\}/g, '').match(/[{}]/) === null, 'only {company} and {project} may be filled in')
    .refine((v) => v.includes(needs), `must contain ${needs}`);
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Unset: 127.0.0.1 in development and tests (nothing outside this machine reaches them), 0.0.0.0 in production. */
    HOST: optionalString,
    APP_URL: url.default('http://localhost:3000'),
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    DATA_DIR: z.string().default('.data'),
    SECRET_KEY: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    PROCORE_CLIENT_ID: optionalString,
    PROCORE_CLIENT_SECRET: optionalString,
    PROCORE_LOGIN_URL: optionalString.pipe(url.optional()),
    PROCORE_API_URL: optionalString.pipe(url.optional()),
    PROCORE_FRAME_ORIGINS: z
      .string()
      .default('https://app.procore.com,https://us02.procore.com,https://uk01.procore.com,https://sandbox.procore.com'),
    SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    MAIL_FROM: z.string().default('COI Compliance <coi@localhost>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Procore's path to the app's full-screen page; Procore does not document it (docs/ARCHITECTURE.md). */
    PROCORE_FULL_SCREEN_PROJECT_PATH: fullScreenPath('{project}').default('/{company}/project/{project}/apps/coi-compliance'),
    PROCORE_FULL_SCREEN_COMPANY_PATH: fullScreenPath('{company}').default('/{company}/company/apps/coi-compliance'),
    WORKERS: z.enum(['on', 'off']).default('on'),
    READERS_PER_WORKER: z.coerce.number().int().min(1).max(32).optional(),
  });

/** Rules across variables, checked on the raw values so they are listed with the others. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  const procore = ['PROCORE_CLIENT_ID', 'PROCORE_CLIENT_SECRET', 'PROCORE_LOGIN_URL', 'PROCORE_API_URL'];
  const given = procore.filter(set).length;
  if (given > 0 && given < procore.length) {
    problems.push(`${procore.filter((n) => !set(n)).join(', ')}: Procore credentials go together: set all four PROCORE_* variables or none`);
  }
  if (env.NODE_ENV === 'production') {
    for (const name of ['SECRET_KEY', 'DATABASE_URL', 'SMTP_URL']) if (!set(name)) problems.push(`${name}: is required in production`);
    if (given === 0) problems.push('PROCORE_CLIENT_ID: Procore credentials are required in production');
  }
  return problems;
}

export interface FullScreenPaths {
  company: string;
  project: string;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  appUrl: string;
  appOrigin: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  procore: { clientId: string; clientSecret: string; loginUrl: string; apiUrl: string } | undefined;
  frameAncestors: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Procore's paths to the app's full-screen page, with {company} and {project} to fill in. */
  fullScreenPaths: FullScreenPaths;
  workers: boolean;
  /** Certificates one worker reads at once (each in its own capped process). */
  readersPerWorker: number;
  version: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const frameAncestors = e.PROCORE_FRAME_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  const badOrigins = frameAncestors.filter((o) => !/^https?:\/\/[^/*\s]+$/.test(o));
  if (badOrigins.length) {
    throw new ConfigError([`PROCORE_FRAME_ORIGINS: not origins (scheme://host[:port], no wildcard): ${badOrigins.join(', ')}`]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    appUrl: e.APP_URL.replace(/\/+$/, ''),
    appOrigin: new URL(e.APP_URL).origin,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    secretKey: e.SECRET_KEY,
    procore: e.PROCORE_CLIENT_ID
      ? {
          clientId: e.PROCORE_CLIENT_ID,
          clientSecret: e.PROCORE_CLIENT_SECRET ?? '',
          loginUrl: (e.PROCORE_LOGIN_URL ?? '').replace(/\/+$/, ''),
          apiUrl: (e.PROCORE_API_URL ?? '').replace(/\/+$/, ''),
        }
      : undefined,
    frameAncestors,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    fullScreenPaths: { company: e.PROCORE_FULL_SCREEN_COMPANY_PATH, project: e.PROCORE_FULL_SCREEN_PROJECT_PATH },
    workers: e.WORKERS === 'on',
    readersPerWorker: e.READERS_PER_WORKER ?? defaultReaders(),
    version: appVersion,
  };
}

/** Readers that fit in the memory free now (each capped at 1.5 GB resident), at most one per core. */
export function defaultReaders(free = freemem(), cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(free / (1536 * 1024 * 1024))));
}
