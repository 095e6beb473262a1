import { z } from 'zod';
import { defineJob } from './job';

// Expired panel sessions and sign-in popups are deleted hourly.
export const pruneSessions = defineJob({
  name: 'prune-sessions',
  payload: z.object({}).loose(),
  schedule: '17 * * * *',
  async run(s) {
    const appSessions = await s.db('app_sessions').where('expires_at', '<', s.db.fn.now()).delete();
    const httpSessions = await s.db('http_sessions').where('expires_at', '<', s.db.fn.now()).delete();
    return { appSessions, httpSessions };
  },
});
