import { z } from 'zod';
import { defineJob } from './job';
import { commitmentResources } from '../sync/webhooks';
import { fetchCommitment, type CommitmentKind } from '../sync/commitments';
import { requestFromCommitment } from '../requests/commitments';
import { getSettings } from '../requests/settings';
import { systemActor } from '../requests/timeline';

// A stored Procore webhook event: a new commitment requests its vendor automatically when the
// company turned that on. Uses the grant of the person who turned it on (server-to-server).
export const procoreEvent = defineJob({
  name: 'procore-event',
  payload: z.object({ eventId: z.string() }),
  options: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  async run(s, { eventId }) {
    const e = await s.db('webhook_events').where({ event_id: eventId }).whereNull('processed_at').first();
    if (!e) return { processed: 0, requested: 0 };
    const companyId = String(e.company_id);
    const kind: CommitmentKind | null =
      e.resource_name === commitmentResources[0] ? 'work_order' : e.resource_name === commitmentResources[1] ? 'purchase_order' : null;
    let requested = 0;
    const settings = await getSettings(s.db, companyId);
    const owner = (await s.db('company_settings').where({ company_id: companyId }).first('automation_user_id')) as { automation_user_id: string | null } | undefined;
    if (kind && e.event_type === 'create' && e.project_id && settings.autoRequestCommitments && owner?.automation_user_id) {
      const procore = s.procoreAs(String(owner.automation_user_id), { background: true });
      const projectId = String(e.project_id);
      await fetchCommitment(s.db, procore, companyId, projectId, kind, String(e.resource_id));
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
    return { processed: 1, requested };
  },
});
