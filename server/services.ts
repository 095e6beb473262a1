import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db';
import { createSealer, type Sealer } from './auth/crypto';
import { createProcoreOAuth, type ProcoreOAuth } from './auth/oauth';
import { userTokens } from './auth/grants';
import { companyTokens } from './auth/company-grant';
import { ProcoreClient } from './procore/client';
import { createMailer, type Mailer } from './notifications/mailer';

// What route handlers and jobs are given: built once at start, passed down explicitly.

export interface Services {
  config: Config;
  db: Db;
  log: Logger;
  sealer: Sealer;
  oauth: ProcoreOAuth;
  procoreApiUrl: string;
  /** A Procore client acting as this user. */
  procoreAs(userId: string): ProcoreClient;
  /** A Procore client for background work in this company: its connected service grant, never a user's. */
  procoreForCompany(companyId: string): ProcoreClient;
  mailer: Mailer;
  /** Enqueues a job (after the change that needs it has committed). */
  enqueue(name: string, payload: object, options?: { startAfter?: number | Date; singletonKey?: string }): Promise<void>;
  /** Many jobs of one kind in one insert. */
  enqueueMany(name: string, payloads: object[], options?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; keyBy?: string }): Promise<void>;
  /** Set once the job queue has started. */
  queue: {
    send(name: string, payload: object, options?: object): Promise<string | null>;
    insert(jobs: { name: string; data?: object; retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; singletonKey?: string }[]): Promise<void>;
  } | null;
}

export function createServices(config: Config, db: Db, log: Logger, secretKey: string): Services {
  if (!config.procore) throw new Error('Procore credentials are not configured');
  const sealer = createSealer(secretKey);
  const oauth = createProcoreOAuth({
    clientId: config.procore.clientId,
    clientSecret: config.procore.clientSecret,
    loginUrl: config.procore.loginUrl,
    redirectUri: `${config.appUrl}/auth/procore/callback`,
  });
  const apiUrl = config.procore.apiUrl;
  if (!config.smtpUrl) throw new Error('SMTP_URL is not configured');
  const services: Services = {
    config,
    db,
    log,
    sealer,
    oauth,
    procoreApiUrl: apiUrl,
    procoreAs: (userId) => new ProcoreClient({ apiUrl, tokens: userTokens(db, sealer, oauth, userId) }),
    procoreForCompany: (companyId) => new ProcoreClient({ apiUrl, tokens: companyTokens(db, sealer, oauth, companyId) }),
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    queue: null,
    async enqueue(name, payload, options = {}) {
      if (!services.queue) throw new Error('job queue is not started');
      await services.queue.send(name, payload, options);
    },
    async enqueueMany(name, payloads, { keyBy, ...options } = {}) {
      if (!services.queue) throw new Error('job queue is not started');
      // keyBy: the payload field whose value is each job's singleton key.
      const key = (data: object) => (keyBy ? { singletonKey: String((data as Record<string, unknown>)[keyBy]) } : {});
      for (let i = 0; i < payloads.length; i += 500) {
        await services.queue.insert(payloads.slice(i, i + 500).map((data) => ({ name, data, ...options, ...key(data) })));
      }
    },
  };
  return services;
}
