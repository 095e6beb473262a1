import type { Knex } from 'knex';
import { hashToken, randomToken, sameHash, type Sealer } from '../auth/crypto';
import { requestIsOpen } from '../requests/repository';

// Personal upload links: 32 random bytes in the email, only the hash stored; they expire, a
// reminder extends them, and archiving or deleting the request kills them.

export async function createUploadLink(
  trx: Knex | Knex.Transaction,
  sealer: Sealer,
  l: { companyId: string; requestId: string; ttlDays: number },
): Promise<string> {
  const token = randomToken();
  await trx('upload_links').insert({
    company_id: l.companyId,
    request_id: l.requestId,
    token_hash: hashToken(token),
    token_enc: sealer.seal(token),
    expires_at: new Date(Date.now() + l.ttlDays * 86_400_000),
  });
  return token;
}

export interface LinkTarget {
  linkId: string;
  companyId: string;
  requestId: string;
}

/**
 * The request a token opens, or null for a wrong, expired or dead link. The lookup is by hash
 * (an index hit); the final comparison is constant-time.
 */
export async function resolveUploadLink(db: Knex | Knex.Transaction, token: string): Promise<LinkTarget | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = hashToken(token);
  const row = (await db('upload_links as l')
    .where('l.token_hash', hash)
    .whereNull('l.revoked_at')
    .where('l.expires_at', '>', db.fn.now())
    .first('l.id', 'l.company_id', 'l.request_id', 'l.token_hash')) as
    | { id: string; company_id: string; request_id: string; token_hash: Buffer }
    | undefined;
  if (!row || !sameHash(row.token_hash, hash) || !(await requestIsOpen(db, row.request_id))) return null;
  return { linkId: row.id, companyId: String(row.company_id), requestId: row.request_id };
}

/** A new reminder keeps the sub's link alive for another ttlDays (from `from`, by default now). */
export async function extendUploadLinks(
  trx: Knex | Knex.Transaction,
  requestId: string,
  ttlDays: number,
  from: Date = new Date(),
): Promise<Date> {
  const expiresAt = new Date(from.getTime() + ttlDays * 86_400_000);
  await trx('upload_links').where({ request_id: requestId }).whereNull('revoked_at').update({ expires_at: expiresAt });
  return expiresAt;
}

export async function revokeUploadLinks(trx: Knex | Knex.Transaction, requestId: string): Promise<void> {
  await trx('upload_links').where({ request_id: requestId }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
}

/** The request's live link token (for a reminder or notice), or null when it has none. */
export async function currentLinkToken(db: Knex | Knex.Transaction, sealer: Sealer, requestId: string): Promise<string | null> {
  const row = (await db('upload_links')
    .where({ request_id: requestId })
    .whereNull('revoked_at')
    .orderBy('created_at', 'desc')
    .first('token_enc')) as { token_enc: string } | undefined;
  return row ? sealer.open(row.token_enc) : null;
}
