import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db';
import { UnauthorizedError } from '../errors';
import type { SessionUser } from '../contracts/session';
import { findSessionUser } from './sessions';

// The panel sends its session token as a bearer header: Procore's iframe is cross-site and
// third-party cookies are often blocked there.

export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(req.get('authorization') ?? '');
  return m?.[1] ?? null;
}

export function requireUser(db: Db) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    if (!token) return next(new UnauthorizedError());
    findSessionUser(db, token).then((user) => {
      if (!user) return next(new UnauthorizedError('Your session has ended. Connect to Procore again.'));
      res.locals.user = user;
      next();
    }, next);
  };
}

export function currentUser(res: Response): SessionUser {
  const user = res.locals.user as SessionUser | undefined;
  if (!user) throw new UnauthorizedError();
  return user;
}
