import type { Services } from '../services';
import type { CreateRequestsResult } from '../contracts/requests';
import type { ProcoreClient } from '../procore/client';
import { syncProjectVendor } from '../directory/sync';
import { knownProject, requestVendorInProject } from './commitments';
import { systemActor } from './timeline';

// A vendor added to a project directory in Procore gets a project request, when the company
// turned that on: the same requirements, email and idempotence as a commitment's request.

export async function requestFromProjectVendor(
  s: Services,
  procore: ProcoreClient,
  p: { companyId: string; projectId: string; vendorId: string },
): Promise<CreateRequestsResult | { gone: string }> {
  const vendor = await syncProjectVendor(s.db, procore, p.companyId, p.projectId, p.vendorId);
  if (!vendor) return { gone: `Vendor ${p.vendorId} is no longer in the project directory in Procore; nothing was requested.` };
  const project = await knownProject(s, procore, p.companyId, p.projectId);
  const row = (await s.db('vendors').where({ company_id: p.companyId, id: p.vendorId }).first('name', 'email', 'email_override')) as
    | { name: string; email: string | null; email_override: string | null };
  return requestVendorInProject(s, {
    companyId: p.companyId,
    project,
    origin: 'automatic',
    how: 'requested automatically when the vendor was added to the project in Procore',
    actor: systemActor('Automatic (vendor added to the project in Procore)'),
    candidate: { vendorId: p.vendorId, name: row.name, email: row.email_override ?? row.email },
  });
}
