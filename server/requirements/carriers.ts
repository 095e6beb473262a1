import type { Services } from '../services';
import type { CarriersView } from '../contracts/requirements-api';
import type { SessionUser } from '../contracts/session';
import { parseCarriersCsv } from '../compliance/carriers-csv';
import { formatAmBest } from '../compliance/am-best';
import { ValidationError } from '../errors';
import { addAuditEvent, carrierSummary, replaceCarriers } from './repository';
import { actorOf } from '../permissions/actor';

// The company's carrier rating table. An import replaces the whole table in one transaction,
// and only when every row is valid: a half-imported table would silently mark carriers unrated.

const sampleSize = 10;

export async function readCarriers(s: Services, companyId: string): Promise<CarriersView> {
  const { count, sample } = await carrierSummary(s.db, companyId, sampleSize);
  return { count, sample: sample.map((c) => ({ naic: c.naic, name: c.name, amBest: formatAmBest(c.amBest) })) };
}

export async function importCarriers(s: Services, user: SessionUser, companyId: string, csv: string): Promise<CarriersView> {
  const parsed = parseCarriersCsv(csv);
  if (!parsed.ok) {
    const n = parsed.errors.length;
    const first = parsed.errors[0];
    const where = first ? ` Line ${first.line}: ${first.message}` : '';
    throw new ValidationError(`The carrier table was not imported: ${n} ${n === 1 ? 'row needs' : 'rows need'} fixing.${where}`, { errors: parsed.errors });
  }
  await s.db.transaction(async (trx) => {
    await replaceCarriers(trx, companyId, parsed.carriers);
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'carriers_imported', data: { count: parsed.carriers.size } });
  });
  s.log.info({ companyId, carriers: parsed.carriers.size }, 'carrier table imported');
  return readCarriers(s, companyId);
}
