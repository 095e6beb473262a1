import { z } from 'zod';
import { defineJob } from './job';
import { commitmentResources } from '../sync/webhooks';
import { fetchCommitment, type CommitmentKind } from '../sync/commitments';
import { requestFromCommitment } from '../requests/commitments';
import { getSettings } from '../requests/settings';
import { systemActor } from '../requests/timeline';
import { CompanyGrantMissingError } from '../auth/company-grant';

// A stored Procore webhook event: a new commitment requests its vendor automatically when the
// company turned that on. Follow-up reads use the company's service grant, never a person's;
// without one the event stays unprocessed and is taken up again when a grant is connected.
export const procoreEvent = defineJob({
  name: 'procore-event',
  payload: z.object({ eventId: z.string() }),
  options: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  async run(s, { eventId }) {
    const e = await s.db('webhook_events').where({ event_id: eventId }).whereNull('processed_at').first();
    if (!e) return { processed: 0, requested: 0, waiting: 0 };
    const companyId = String(e.company_id);
    const kind: CommitmentKind | null =
      e.resource_name === commitmentResources[0] ? 'work_order' : e.resource_name === commitmentResources[1] ? 'purchase_order' : null;
    let requested = 0;
    const settings = await getSettings(s.db, companyId);
    if (kind && e.event_type === 'create' && e.project_id && settings.autoRequestCommitments) {
      const procore = s.procoreForCompany(companyId);
      const projectId = String(e.project_id);
      try {
        await fetchCommitment(s.db, procore, companyId, projectId, kind, String(e.resource_id));
      } catch (err) {
        if (!(err instanceof CompanyGrantMissingError)) throw err;
        s.log.warn({ companyId, eventId }, 'webhook event waits for a company service grant');
        return { processed: 0, requested: 0, waiting: 1 };
      }
      const result = await requestFromCommitment(s, procore, {
        companyId,
        projectId,
        commitmentId: String(e.resource_id),
        actor: systemActor('Automatic (new commitment in Procore)'),
        origin: 'automatic',
      });
      requested = result.created.length;
    }
    await s.db('webhook_events').where({ event_id: eventId }).update({ processed_at: s.db.fn.now() });
    return { processed: 1, requested, waiting: 0 };
  },
});
