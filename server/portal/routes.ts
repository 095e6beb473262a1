import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Services } from '../services';
import { handle } from '../http';
import { PortalRateLimitedError } from './errors';
import { readSubmission } from './multipart';
import { RateLimiter, portalRateLimit } from './rate-limit';
import { portalInfo, receiveUpload } from './service';

// The upload portal's API. No account: the link's token is the credential, so every call is
// rate limited per address (in PostgreSQL, shared by every app server) and a wrong link costs double.

export function portalRoutes(s: Services, limiter = new RateLimiter(s.db, portalRateLimit)): Router {
  const r = Router();
  r.use('/api/portal', limitPerAddress(s, limiter), (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  r.get('/api/portal/:token', handle(async (req) => portalInfo(s, String(req.params.token))));
  r.post(
    '/api/portal/:token/uploads',
    handle(async (req) => receiveUpload(s, String(req.params.token), (limits) => readSubmission(req, limits))),
  );
  return r;
}

function limitPerAddress(s: Services, limiter: RateLimiter) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    limiter.take(key).then((decision) => {
      if (!decision.allowed) return next(new PortalRateLimitedError(decision.retryAfterSeconds));
      res.on('finish', () => {
        if (res.statusCode === 404) {
          limiter.charge(key, portalRateLimit.invalidLinkExtraCost).catch((err: unknown) => s.log.warn({ message: (err as Error).message }, 'portal rate limit: charge not recorded'));
        }
      });
      next();
    }, next);
  };
}
