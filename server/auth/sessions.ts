import type { Db } from '../db';
import type { SessionUser } from '../contracts/session';
import { hashToken, randomToken } from './crypto';

// Panel sessions: a random bearer token in the browser, its hash here.

const lifetimeMs = 12 * 60 * 60 * 1000;

export async function upsertUser(db: Db, user: SessionUser): Promise<void> {
  await db('users')
    .insert({ id: user.id, login: user.login, name: user.name })
    .onConflict('id')
    .merge({ login: user.login, name: user.name, updated_at: db.fn.now() });
}

export async function createSession(db: Db, userId: string): Promise<string> {
  const token = randomToken();
  await db('app_sessions').insert({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + lifetimeMs) });
  return token;
}

/** The signed-in user for a bearer token, or null; sliding expiry. */
export async function findSessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const row = (await db('app_sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', hashToken(token))
    .where('s.expires_at', '>', db.fn.now())
    .first('u.id', 'u.login', 'u.name', 's.id as session_id')) as
    | { id: string; login: string; name: string; session_id: string }
    | undefined;
  if (!row) return null;
  await db('app_sessions')
    .where({ id: row.session_id })
    .update({ last_seen_at: db.fn.now(), expires_at: new Date(Date.now() + lifetimeMs) });
  return { id: String(row.id), login: row.login, name: row.name };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db('app_sessions').where({ token_hash: hashToken(token) }).delete();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db('app_sessions').where({ user_id: userId }).delete();
}
