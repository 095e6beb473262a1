import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db';
import { UnauthorizedError } from '../errors';
import type { SessionUser } from '../contracts/session';
import { findSessionUser } from './sessions';
import { readPanelCookie } from './panel-cookie';

// The panel sends its session token as a bearer header right after sign-in; afterwards the
// partitioned panel cookie carries it (panel-cookie.ts) across Procore pages and reloads.

export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(req.get('authorization') ?? '');
  return m?.[1] ?? null;
}

/** The session token of this call: the bearer header, else the panel cookie. */
export function sessionToken(req: Request): string | null {
  return bearerToken(req) ?? readPanelCookie(req);
}

export function requireUser(db: Db) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = sessionToken(req);
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
