import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { TakenHandOff } from '../contracts/review';

// The side panel is 371 px wide: its "Review certificate" leaves the request here and sends
// Procore to the app's full-screen page, whose URL names only the company and project. The
// full-screen app takes it once, within two minutes; an older one is forgotten.

const freshMs = 2 * 60 * 1000;

export async function leaveHandOff(s: Services, user: SessionUser, companyId: string, requestId: string): Promise<{ ok: true }> {
  await s.db('review_handoffs')
    .insert({ company_id: companyId, user_id: user.id, request_id: requestId, created_at: s.db.fn.now() })
    .onConflict(['company_id', 'user_id'])
    .merge(['request_id', 'created_at']);
  return { ok: true };
}

export async function takeHandOff(s: Services, user: SessionUser, companyId: string): Promise<TakenHandOff> {
  const [row] = (await s.db('review_handoffs').where({ company_id: companyId, user_id: user.id }).delete().returning(['request_id', 'created_at'])) as {
    request_id: string;
    created_at: Date;
  }[];
  const fresh = row !== undefined && Date.now() - new Date(row.created_at).getTime() < freshMs;
  return { requestId: fresh ? row.request_id : null };
}
