import { z } from 'zod';
import { defineJob } from './job';
import { writeBackRequest } from '../sync/writeback';

// Brings one request's Procore records up to date (server/sync/writeback.ts). Procore's rate
// limits and brief outages are waited out inside the client; anything else fails the job and
// pg-boss retries it with backoff. A missing or refused company grant is not a failure: the
// intent waits, and connecting a grant in Settings re-enqueues it.
export const PROCORE_WRITEBACK = 'procore-writeback';

export const procoreWriteback = defineJob({
  name: PROCORE_WRITEBACK,
  payload: z.object({ companyId: z.string().regex(/^\d+$/), requestId: z.string().uuid() }),
  options: { retryLimit: 8, retryDelay: 15, retryBackoff: true },
  async run(s, { companyId, requestId }) {
    return { ...(await writeBackRequest(s, companyId, requestId)) };
  },
});
