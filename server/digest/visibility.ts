import type { Services } from '../services';
import { roleIn } from '../permissions/authorize';
import { onProject } from '../permissions/facts';
import { roleAllows } from '../permissions/policy';

// Which requests a user may read, from the permissions module's Procore facts: nothing without
// requests.view, every project for company admins, otherwise the projects Procore lists them
// on (global requests are company-wide). Read as the user, so a revoked grant shows nothing.

export async function readableBy(s: Services, user: { id: string; name: string; login: string }, companyId: string): Promise<(projectId: string | null) => Promise<boolean>> {
  const grant = await roleIn(s, user, companyId);
  if (!roleAllows(grant.role, 'requests.view', grant.isCompanyAdmin)) return async () => false;
  if (grant.isCompanyAdmin) return async () => true;
  const known = new Map<string, boolean>();
  return async (projectId) => {
    if (projectId === null) return true;
    if (!known.has(projectId)) known.set(projectId, await onProject(s, user.id, companyId, projectId));
    return known.get(projectId)!;
  };
}
