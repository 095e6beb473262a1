import type { Db } from '../db';

// A user's own opt-in to the daily digest, per company. Turning it on starts the window now, so
// the first digest tells only what changed after.

export async function digestSubscribed(db: Db, companyId: string, userId: string): Promise<boolean> {
  return Boolean(await db('digest_subscriptions').where({ company_id: companyId, user_id: userId }).first('user_id'));
}

export async function setDigestSubscribed(db: Db, companyId: string, userId: string, on: boolean): Promise<boolean> {
  if (on) {
    await db('digest_subscriptions').insert({ company_id: companyId, user_id: userId }).onConflict(['company_id', 'user_id']).ignore();
  } else {
    await db('digest_subscriptions').where({ company_id: companyId, user_id: userId }).delete();
  }
  return on;
}
