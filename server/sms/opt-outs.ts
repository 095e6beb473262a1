import type { Knex } from 'knex';
import type { Db } from '../db';

// Numbers that replied STOP to a company's texts (until they reply START).

export async function optedOut(db: Db | Knex.Transaction, companyId: string, phone: string): Promise<boolean> {
  return Boolean(await db('sms_opt_outs').where({ company_id: companyId, phone }).first('phone'));
}

export async function setOptedOut(db: Db, companyId: string, phone: string, out: boolean): Promise<void> {
  if (out) await db('sms_opt_outs').insert({ company_id: companyId, phone }).onConflict(['company_id', 'phone']).ignore();
  else await db('sms_opt_outs').where({ company_id: companyId, phone }).delete();
}
