import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import type { Services } from './services';
import { AppError, NotFoundError } from './errors';
import { databaseReachable } from './db';
import { isDatabaseDown, unavailableMessage } from './outage';
import { authRoutes } from './auth/routes';
import { PgSessionStore } from './auth/session-store';
import { deriveKey } from './auth/crypto';
import { directoryRoutes } from './directory/routes';
import { requestRoutes } from './requests/routes';
import { requirementRoutes } from './requirements/routes';
import { webhookRoutes } from './sync/webhooks';
import { portalRoutes } from './portal/routes';
import { reviewRoutes } from './review/routes';
import { deskRoutes } from './desk/routes';
import { roleRoutes } from './permissions/routes';
import { digestRoutes } from './digest/routes';
import { smsRoutes } from './sms/routes';
import type { Health } from './contracts/api';

export interface AppOptions {
  /** Serves the panel (Vite middleware in development, the built files otherwise). */
  mountClient?: (app: express.Express) => void;
}

export function createApp(s: Services, secretKey: string, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', s.config.env === 'production' ? 1 : false);
  app.use(requestContext(s));
  app.use(express.json({ limit: '1mb' }));

  app.get('/api/health', (_req, res, next) => {
    databaseReachable(s.db).then((up) => {
      const body: Health = { status: up ? 'ok' : 'degraded', database: up ? 'ok' : 'unreachable', version: s.config.version };
      res.status(up ? 200 : 503).json(body);
    }, next);
  });

  app.use(
    '/auth',
    session({
      name: 'coi.sid',
      store: new PgSessionStore(s.db),
      secret: deriveKey(secretKey, 'http-session').toString('base64'),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: s.config.appUrl.startsWith('https:'), maxAge: 15 * 60_000 },
    }),
  );
  app.use(authRoutes(s));
  app.use(directoryRoutes(s));
  app.use(requestRoutes(s));
  app.use(requirementRoutes(s));
  app.use(webhookRoutes(s));
  app.use(portalRoutes(s));
  app.use(reviewRoutes(s));
  app.use(deskRoutes(s));
  app.use(roleRoutes(s));
  app.use(digestRoutes(s));
  app.use(smsRoutes(s));
  app.use('/api', (req, _res, next) => next(new NotFoundError(`No API route ${req.method} ${req.path}.`)));

  app.use(['/app'], frameableBy(s.config.frameAncestors));
  options.mountClient?.(app);

  app.use(errorHandler(s));
  return app;
}

/** The panel may be framed by Procore's origins only (never *). */
function frameableBy(origins: string[]) {
  const policy = `frame-ancestors 'self' ${origins.join(' ')}`;
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', policy);
    next();
  };
}

function requestContext(s: Services) {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      s.log.debug({ requestId: id, method: req.method, path: redactPath(req.path), status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  };
}

/** Upload-link tokens sit in portal paths; they never reach the logs. */
export function redactPath(path: string): string {
  // Express routes ignore case (/API/Portal/<token> reaches the portal), so the match does too.
  return path.replace(/^(\/api)?\/portal\/[^/]+/i, '$1/portal/[token]');
}

function errorHandler(s: Services) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const requestId = res.locals.requestId as string | undefined;
    if (err instanceof AppError) {
      if (err.status >= 500) s.log.warn({ requestId, code: err.code, message: err.message }, 'request failed');
      const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details && err.status === 400 ? { details: err.details } : {}) } });
      return;
    }
    if (isDatabaseDown(err)) {
      s.log.warn({ requestId, message: (err as Error).message }, 'database unreachable');
      res.setHeader('Retry-After', '30');
      res.status(503).json({ error: { code: 'unavailable', message: unavailableMessage } });
      return;
    }
    const bodyError = err as { type?: string; status?: number };
    if (bodyError.type === 'entity.parse.failed' || bodyError.type === 'entity.too.large') {
      res.status(bodyError.status ?? 400).json({ error: { code: 'invalid_input', message: 'The request body is not valid JSON or is too large.' } });
      return;
    }
    s.log.error({ requestId, err }, 'unexpected error');
    res.status(500).json({ error: { code: 'internal_error', message: `Something went wrong on our side. Reference: ${requestId}.` } });
  };
}
