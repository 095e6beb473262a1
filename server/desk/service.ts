import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { Overview, ReviewQueue } from '../contracts/desk';
import { NotFoundError } from '../errors';
import { authorize } from '../permissions/authorize';
import { isoToday } from '../requirements/findings';
import { expiring, notResponding, reviewQueue, statusByProject, statusCounts, writeBackProblems } from './overview-repository';
import type { DeskScope } from './scope';

// The overview: every card's query runs at once; any user of the company may read it.

async function projectOf(s: Services, companyId: string, projectId: string): Promise<{ id: string; name: string }> {
  const row = (await s.db('projects').where({ company_id: companyId, id: projectId }).first('id', 'name')) as { id: string; name: string } | undefined;
  if (!row) throw new NotFoundError('No such project in this company.');
  return { id: String(row.id), name: row.name };
}

export async function overview(s: Services, user: SessionUser, scope: DeskScope): Promise<Overview> {
  await authorize(s, user, scope.companyId, scope.projectId, 'requests.view');
  const project = scope.projectId === null ? null : await projectOf(s, scope.companyId, scope.projectId);
  const today = isoToday();
  const [counts, byProject, ends, queue, silent, writeBack] = await Promise.all([
    statusCounts(s.db, scope),
    statusByProject(s.db, scope),
    expiring(s.db, scope, today),
    reviewQueue(s.db, scope),
    notResponding(s.db, scope),
    writeBackProblems(s.db, scope),
  ]);
  return {
    project,
    statusCounts: counts,
    byProject,
    expiring: ends,
    reviewQueue: { count: queue.count, oldest: queue.items },
    notResponding: { count: silent.count, oldest: silent.items },
    writeBackProblems: { count: writeBack.count, oldest: writeBack.items },
  };
}

/** The whole review queue in order, for next and previous on the review screen. */
export async function fullReviewQueue(s: Services, user: SessionUser, scope: DeskScope): Promise<ReviewQueue> {
  await authorize(s, user, scope.companyId, scope.projectId, 'review.certificates');
  const queue = await reviewQueue(s.db, scope, null);
  return { items: queue.items };
}
