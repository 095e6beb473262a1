import type { Db } from '../db';
import { UnauthorizedError } from '../errors';
import { errorCodes } from '../contracts/api';
import type { TokenSource } from '../procore/client';
import type { Sealer } from './crypto';
import { InvalidGrantError, type ProcoreOAuth } from './oauth';

// The company's grant for background work (write-back, nightly sync, webhook follow-ups): the
// app's service account (DMSA, client credentials), connected once in Settings by a company
// admin. It never falls back to a user's grant, so signing out changes nothing here.

const marginMs = 60_000;

export interface CompanyGrant {
  kind: 'dmsa';
  connectedBy: string;
  connectedAt: Date;
  lastOkAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

interface GrantRow {
  kind: 'dmsa';
  connected_by_name: string;
  connected_at: Date;
  access_token_enc: string | null;
  expires_at: Date | null;
  last_ok_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
}

export class CompanyGrantMissingError extends UnauthorizedError {
  constructor(message = 'Procore not updated: reconnect. A company admin connects the app’s service account in Settings.') {
    super(message, errorCodes.grantInvalid);
  }
}

export async function findCompanyGrant(db: Db, companyId: string): Promise<CompanyGrant | null> {
  const row = (await db('company_grants').where({ company_id: companyId }).first()) as GrantRow | undefined;
  if (!row) return null;
  return { kind: row.kind, connectedBy: row.connected_by_name, connectedAt: row.connected_at, lastOkAt: row.last_ok_at, lastError: row.last_error, lastErrorAt: row.last_error_at };
}

export async function saveCompanyGrant(db: Db, sealer: Sealer, g: { companyId: string; userId: string; userName: string; accessToken: string; expiresIn: number }): Promise<void> {
  const row = {
    company_id: g.companyId,
    kind: 'dmsa',
    connected_by: g.userId,
    connected_by_name: g.userName,
    connected_at: db.fn.now(),
    access_token_enc: sealer.seal(g.accessToken),
    expires_at: new Date(Date.now() + g.expiresIn * 1000),
    last_ok_at: db.fn.now(),
    last_error: null,
    last_error_at: null,
  };
  await db('company_grants').insert(row).onConflict('company_id').merge();
}

export async function removeCompanyGrant(db: Db, companyId: string): Promise<void> {
  await db('company_grants').where({ company_id: companyId }).delete();
}

/** Background work used the grant successfully: Settings shows when it last worked. */
export async function noteGrantWorked(db: Db, companyId: string): Promise<void> {
  await db('company_grants').where({ company_id: companyId }).update({ last_ok_at: db.fn.now() });
}

export async function noteGrantFailed(db: Db, companyId: string, message: string): Promise<void> {
  await db('company_grants').where({ company_id: companyId }).update({ last_error: message, last_error_at: db.fn.now() });
}

/** Tokens for background work in this company; throws CompanyGrantMissingError when none is connected or Procore refuses it. */
export function companyTokens(db: Db, sealer: Sealer, oauth: ProcoreOAuth, companyId: string): TokenSource {
  const fetchNew = async (): Promise<string> => {
    const exists = await db('company_grants').where({ company_id: companyId }).first('company_id');
    if (!exists) throw new CompanyGrantMissingError();
    try {
      const token = await oauth.clientCredentials();
      await db('company_grants')
        .where({ company_id: companyId })
        .update({ access_token_enc: sealer.seal(token.access_token), expires_at: new Date(Date.now() + token.expires_in * 1000) });
      return token.access_token;
    } catch (err) {
      if (!(err instanceof InvalidGrantError)) throw err;
      await noteGrantFailed(db, companyId, 'Procore refused the service account’s credentials.');
      throw new CompanyGrantMissingError();
    }
  };
  return {
    async accessToken() {
      const row = (await db('company_grants').where({ company_id: companyId }).first('access_token_enc', 'expires_at')) as
        | Pick<GrantRow, 'access_token_enc' | 'expires_at'>
        | undefined;
      if (!row) throw new CompanyGrantMissingError();
      if (row.access_token_enc && row.expires_at && row.expires_at.getTime() - Date.now() > marginMs) return sealer.open(row.access_token_enc);
      return fetchNew();
    },
    refreshed: fetchNew,
  };
}
