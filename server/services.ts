import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db';
import { createSealer, type Sealer } from './auth/crypto';
import { createProcoreOAuth, type ProcoreOAuth } from './auth/oauth';
import { userTokens } from './auth/grants';
import { ProcoreClient } from './procore/client';

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
  return {
    config,
    db,
    log,
    sealer,
    oauth,
    procoreApiUrl: apiUrl,
    procoreAs: (userId) => new ProcoreClient({ apiUrl, tokens: userTokens(db, sealer, oauth, userId) }),
  };
}
