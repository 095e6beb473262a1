import { z } from 'zod';
import { defineJob } from './job';
import { commitmentResources, projectVendorResource } from '../sync/webhooks';
import { fetchCommitment, type CommitmentKind } from '../sync/commitments';
import { requestFromCommitment } from '../requests/commitments';
import { requestFromProjectVendor } from '../requests/project-vendors';
import { getSettings } from '../requests/settings';
import { systemActor } from '../requests/timeline';
import { CompanyGrantMissingError } from '../auth/company-grant';
import type { CreateRequestsResult } from '../contracts/requests';
import type { Services } from '../services';

// A stored Procore webhook event: a new commitment, or a vendor added to a project directory,
// requests that vendor automatically when the company turned it on. Follow-up reads use the
// company's service grant, never a person's; without one the event stays unprocessed and is
// taken up again when a grant is connected. An event that could not become a request keeps the
// reason (`outcome`) for a person to see.

interface StoredEvent {
  company_id: string;
  project_id: string | null;
  resource_name: string;
  resource_id: string;
  event_type: string;
}

const kindOf = (resource: string): CommitmentKind | null =>
  resource === commitmentResources[0] ? 'work_order' : resource === commitmentResources[1] ? 'purchase_order' : null;

/** The request the event asks for, or null when the company did not ask for this kind. */
async function act(s: Services, e: StoredEvent): Promise<CreateRequestsResult | { gone: string } | null> {
  if (e.event_type !== 'create' || !e.project_id) return null;
  const companyId = String(e.company_id);
  const projectId = String(e.project_id);
  const settings = await getSettings(s.db, companyId);
  const procore = s.procoreForCompany(companyId);
  const kind = kindOf(e.resource_name);
  if (kind && settings.autoRequestCommitments) {
    await fetchCommitment(s.db, procore, companyId, projectId, kind, String(e.resource_id));
    return requestFromCommitment(s, procore, {
      companyId,
      projectId,
      commitmentId: String(e.resource_id),
      actor: systemActor('Automatic (new commitment in Procore)'),
      origin: 'automatic',
    });
  }
  if (e.resource_name === projectVendorResource && settings.autoRequestProjectVendors) {
    return requestFromProjectVendor(s, procore, { companyId, projectId, vendorId: String(e.resource_id) });
  }
  return null;
}

/** Why nothing was requested, when a person has something to do about it. */
function outcomeOf(result: CreateRequestsResult | { gone: string } | null): string | null {
  if (!result) return null;
  if ('gone' in result) return result.gone;
  const problem = result.skipped.find((k) => k.reason !== 'already_requested');
  return problem ? `Not requested: ${problem.message}` : null;
}

export const procoreEvent = defineJob({
  name: 'procore-event',
  payload: z.object({ eventId: z.string() }),
  options: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  async run(s, { eventId }) {
    const e = (await s.db('webhook_events').where({ event_id: eventId }).whereNull('processed_at').first()) as StoredEvent | undefined;
    if (!e) return { processed: 0, requested: 0, waiting: 0 };
    let result: Awaited<ReturnType<typeof act>>;
    try {
      result = await act(s, e);
    } catch (err) {
      if (!(err instanceof CompanyGrantMissingError)) throw err;
      s.log.warn({ companyId: e.company_id, eventId }, 'webhook event waits for a company service grant');
      return { processed: 0, requested: 0, waiting: 1 };
    }
    const outcome = outcomeOf(result);
    if (outcome) s.log.warn({ companyId: e.company_id, eventId }, outcome);
    await s.db('webhook_events').where({ event_id: eventId }).update({ processed_at: s.db.fn.now(), outcome });
    const requested = result && 'created' in result ? result.created.length : 0;
    return { processed: 1, requested, waiting: 0 };
  },
});
