import { z } from 'zod';
import { defineJob } from './job';
import { RateLimiter, portalRateLimit } from '../portal/rate-limit';

// Expired panel sessions, sign-in popups and finished portal rate-limit windows are deleted hourly.
export const pruneSessions = defineJob({
  name: 'prune-sessions',
  payload: z.object({}).loose(),
  schedule: '17 * * * *',
  async run(s) {
    const appSessions = await s.db('app_sessions').where('expires_at', '<', s.db.fn.now()).delete();
    const httpSessions = await s.db('http_sessions').where('expires_at', '<', s.db.fn.now()).delete();
    const rateLimits = await new RateLimiter(s.db, portalRateLimit).prune();
    return { appSessions, httpSessions, rateLimits };
  },
});
