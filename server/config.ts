import { z } from 'zod';

// Configuration is read once at boot (design.md 7.4). Nothing else reads process.env.
// Bad config fails fast with every problem listed in one message.

const url = z.url({ protocol: /^https?$/ });
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
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
    WORKERS: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((env, ctx) => {
    const procore = [env.PROCORE_CLIENT_ID, env.PROCORE_CLIENT_SECRET, env.PROCORE_LOGIN_URL, env.PROCORE_API_URL];
    const given = procore.filter((v) => v !== undefined).length;
    if (given > 0 && given < procore.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['PROCORE_CLIENT_ID'],
        message: 'PROCORE_CLIENT_ID, PROCORE_CLIENT_SECRET, PROCORE_LOGIN_URL and PROCORE_API_URL go together: set all four or none',
      });
    }
    if (env.NODE_ENV === 'production') {
      if (!env.SECRET_KEY) ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is required in production' });
      if (!env.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' });
      if (!env.SMTP_URL) ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production' });
      if (given === 0) ctx.addIssue({ code: 'custom', path: ['PROCORE_CLIENT_ID'], message: 'Procore credentials are required in production' });
    }
  });

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
  workers: boolean;
  version: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>, version = '0.0.0'): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const frameAncestors = e.PROCORE_FRAME_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  const badOrigins = frameAncestors.filter((o) => !/^https?:\/\/[^/*\s]+$/.test(o));
  if (badOrigins.length) {
    throw new ConfigError([`PROCORE_FRAME_ORIGINS: not origins (scheme://host[:port], no wildcard): ${badOrigins.join(', ')}`]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
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
    workers: e.WORKERS === 'on',
    version,
  };
}
