import type { Db } from '../db';
import { UnauthorizedError } from '../errors';
import { errorCodes } from '../contracts/api';
import type { TokenResponse } from '../procore/records';
import type { TokenSource } from '../procore/client';
import type { Sealer } from './crypto';
import { InvalidGrantError, type ProcoreOAuth } from './oauth';

// A user's Procore grant: stored encrypted, refreshed under a row lock so two servers never
// spend the same single-use refresh token, with the rotated pair saved in the same transaction.

const refreshMarginMs = 60_000;

export async function saveGrant(db: Db, sealer: Sealer, userId: string, token: TokenResponse): Promise<void> {
  if (!token.refresh_token) throw new Error('Procore returned no refresh token for a user grant');
  const row = {
    user_id: userId,
    access_token_enc: sealer.seal(token.access_token),
    refresh_token_enc: sealer.seal(token.refresh_token),
    expires_at: new Date(Date.now() + token.expires_in * 1000),
    updated_at: db.fn.now(),
  };
  await db('procore_grants').insert(row).onConflict('user_id').merge();
}

export async function deleteGrant(db: Db, userId: string): Promise<void> {
  await db('procore_grants').where({ user_id: userId }).delete();
}

function grantGone(): UnauthorizedError {
  return new UnauthorizedError('Your Procore connection has ended. Connect to Procore again.', errorCodes.grantInvalid);
}

interface GrantRow {
  access_token_enc: string;
  refresh_token_enc: string;
  expires_at: Date;
}

/** Tokens for calls made on this user's behalf. */
export function userTokens(db: Db, sealer: Sealer, oauth: ProcoreOAuth, userId: string): TokenSource {
  let lastGiven: string | undefined;
  const refresh = async (force: boolean): Promise<string> => {
    const outcome = await db.transaction(async (trx) => {
      const row = (await trx('procore_grants').where({ user_id: userId }).forUpdate().first()) as GrantRow | undefined;
      if (!row) return { gone: true as const };
      const current = sealer.open(row.access_token_enc);
      const fresh = row.expires_at.getTime() - Date.now() > refreshMarginMs;
      // Another request may have refreshed while we waited for the lock.
      if (fresh && (!force || current !== lastGiven)) return { token: current };
      try {
        const next = await oauth.refresh(sealer.open(row.refresh_token_enc));
        await trx('procore_grants').where({ user_id: userId }).update({
          access_token_enc: sealer.seal(next.access_token),
          refresh_token_enc: sealer.seal(next.refresh_token ?? sealer.open(row.refresh_token_enc)),
          expires_at: new Date(Date.now() + next.expires_in * 1000),
          updated_at: trx.fn.now(),
        });
        return { token: next.access_token };
      } catch (err) {
        if (err instanceof InvalidGrantError) return { gone: true as const };
        throw err;
      }
    });
    if ('gone' in outcome) {
      await deleteGrant(db, userId);
      throw grantGone();
    }
    lastGiven = outcome.token;
    return outcome.token;
  };
  return {
    async accessToken() {
      const row = (await db('procore_grants').where({ user_id: userId }).first()) as GrantRow | undefined;
      if (!row) throw grantGone();
      if (row.expires_at.getTime() - Date.now() > refreshMarginMs) {
        lastGiven = sealer.open(row.access_token_enc);
        return lastGiven;
      }
      return refresh(false);
    },
    refreshed: () => refresh(true),
  };
}
