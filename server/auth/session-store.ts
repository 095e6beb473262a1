import session from 'express-session';
import type { Db } from '../db';

// express-session store in PostgreSQL, so any app server can finish a sign-in another started.

export class PgSessionStore extends session.Store {
  constructor(private readonly db: Db) {
    super();
  }

  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    this.db('http_sessions')
      .where({ sid })
      .where('expires_at', '>', this.db.fn.now())
      .first('sess')
      .then((row: { sess: session.SessionData } | undefined) => cb(null, row?.sess ?? null), cb);
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const expires = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + 3600_000);
    this.db('http_sessions')
      .insert({ sid, sess: JSON.stringify(sess), expires_at: expires })
      .onConflict('sid')
      .merge()
      .then(() => cb?.(), (err: unknown) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.db('http_sessions')
      .where({ sid })
      .delete()
      .then(() => cb?.(), (err: unknown) => cb?.(err));
  }
}
