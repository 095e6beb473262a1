import type { SessionUser } from '../contracts/session';
import type { Actor } from '../requests/timeline';

/** The signed-in user as timelines and audit entries name them. */
export const actorOf = (u: SessionUser): Actor => ({ userId: u.id, label: u.name });
