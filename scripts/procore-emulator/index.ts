import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createFaults } from './faults';
import { hostRouter } from './host-pages';
import { oauthRouter } from './oauth';
import { createRateLimiter } from './rate-limit';
import { commitmentsRouter } from './rest-commitments';
import { complianceRouter } from './rest-compliance';
import { coreRouter } from './rest-core';
import { usersRouter } from './rest-users';
import type { RestDeps } from './rest-deps';
import { authenticate, requireCompanyHeader } from './rest-guard';
import { insurancesRouter } from './rest-insurances';
import { vendorsRouter } from './rest-vendors';
import { webhooksRouter } from './rest-webhooks';
import { createState, type EmulatorState } from './store';
import { toolingRouter } from './tooling';
import { smsApiRouter, smsToolingRouter } from './sms-sink';
import type { MailItem } from './types';
import { createWebhookDispatcher, requestActor } from './webhooks';
import { restContext, sendError } from './http';

// A faithful in-memory Procore for development and tests: OAuth, the REST endpoints the app
// uses, webhooks, and host pages that frame the app the way Procore does.

export type { MailItem } from './types';
export type { EmulatorState } from './store';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  appUrl: string;
  clientId: string;
  clientSecret: string;
  vendors?: number;
  /** Projects added to the first company beyond the six named ones (benchmarks). */
  extraProjects?: number;
  accessTokenTtlSeconds?: number;
  rateLimit?: { hourly?: number; spike?: number; spikeWindowSeconds?: number };
  maxPerPage?: Partial<Record<string, number>>;
  mail?: () => Promise<MailItem[]> | MailItem[];
  webhookRetryDelaysMs?: number[];
}

export interface Emulator {
  url: string;
  close(): Promise<void>;
  state: EmulatorState;
  /** REST calls answered so far (benchmarks compare them with the minimum needed). */
  restCalls(): number;
  /** Injected failures, as POST /__emulator/faults adds them. */
  faults: ReturnType<typeof createFaults>;
}

const REST_VERSIONS = ['v1.0', 'v1.1', 'v1.2', 'v1.3'];

function restNotFound(_req: Request, res: Response): void {
  sendError(res, 404, 'Not Found');
}

function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    sendError(res, status, error instanceof Error ? error.message : 'Bad request');
    return;
  }
  console.error(`[procore-emulator] ${req.method} ${req.originalUrl}`, error);
  sendError(res, 500, 'Internal Server Error');
}

export function buildApp(options: EmulatorOptions, state: EmulatorState, deps: RestDeps, faults: ReturnType<typeof createFaults>) {
  const app = express();
  app.set('query parser', 'extended');
  app.disable('x-powered-by');
  app.use(express.json({ limit: '5mb' }));
  app.use(express.urlencoded({ extended: true, limit: '5mb' }));
  const appUrl = options.appUrl.replace(/\/+$/, '');
  app.use('/oauth', oauthRouter(state, {
    appUrl, clientId: options.clientId, clientSecret: options.clientSecret, accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 5400,
  }));
  const rateLimit = createRateLimiter({
    hourly: options.rateLimit?.hourly ?? 3600, spike: options.rateLimit?.spike ?? 100, spikeWindowSeconds: options.rateLimit?.spikeWindowSeconds ?? 10,
  });
  const routers = [coreRouter(deps), usersRouter(deps), vendorsRouter(deps), commitmentsRouter(deps), complianceRouter(deps), insurancesRouter(deps), webhooksRouter(deps)];
  app.use('/rest', (_req, _res, next) => {
    state.restCalls += 1;
    next();
  }, faults.middleware, authenticate(state), rateLimit);
  app.use('/rest', (_req, res, next) => requestActor.run({ application_id: restContext(res).token.client_id }, next));
  for (const version of REST_VERSIONS) app.use(`/rest/${version}`, requireCompanyHeader(state), ...routers);
  app.use('/rest', restNotFound);
  app.use('/sms', smsApiRouter(state.sms));
  app.use('/__emulator/sms', smsToolingRouter(state.sms));
  app.use('/__emulator', toolingRouter(deps, faults, options.mail));
  app.use(hostRouter(state, appUrl));
  app.use(errorHandler);
  return app;
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const state = createState(options.vendors ?? 300, options.extraProjects ?? 0);
  const dispatcher = createWebhookDispatcher(state, { retryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000, 30000], timeoutMs: 5000 });
  const deps: RestDeps = { state, maxPerPage: options.maxPerPage ?? {}, emit: dispatcher.emit };
  const faults = createFaults();
  const app = buildApp(options, state, deps, faults);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 4010, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    state,
    faults,
    restCalls: () => state.restCalls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        dispatcher.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
