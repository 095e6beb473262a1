import { z } from 'zod';
import { defineJob } from './job';
import { PROCORE_WRITEBACK } from './procore-writeback';
import { dueIntents } from '../sync/writeback-intents';

// Every minute: write-back intents not yet carried out (just written, or left by a crash or a
// failed job) are enqueued; those waiting for a company grant wait for Settings instead.
export const sweepWritebacks = defineJob({
  name: 'sweep-writebacks',
  payload: z.object({}).loose(),
  schedule: '* * * * *',
  async run(s) {
    const due = await dueIntents(s.db, 1000);
    await s.enqueueMany(PROCORE_WRITEBACK, due, { retryLimit: 8, retryDelay: 15, retryBackoff: true });
    return { enqueued: due.length };
  },
});
