import type { Services } from '../services';
import type { Directory } from '../contracts/directory';
import { NotFoundError } from '../errors';
import * as repo from './repository';
import { syncCompanyDirectory, syncProjectDirectory, syncProjects } from './sync';

// Directories as the panels show them. Procore is the source of truth; we mirror it and
// re-read it when our copy is older than a couple of minutes. Callers authorize first
// (server/permissions): these functions decide nothing about access.

const directoryTtlMs = 2 * 60_000;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function isValidEmail(email: string | null): boolean {
  return email !== null && email.length <= 254 && emailPattern.test(email);
}

function stale(at: Date | null): boolean {
  return !at || Date.now() - at.getTime() > directoryTtlMs;
}

export async function companyDirectory(s: Services, userId: string, companyId: string): Promise<Directory> {
  let syncedAt = await repo.lastSync(s.db, companyId, null);
  if (stale(syncedAt)) {
    await syncCompanyDirectory(s.db, s.procoreAs(userId), companyId);
    syncedAt = await repo.lastSync(s.db, companyId, null);
  }
  return build(s, companyId, null, syncedAt);
}

export async function projectDirectory(s: Services, userId: string, companyId: string, projectId: string): Promise<Directory> {
  const procore = s.procoreAs(userId);
  let project = await repo.findProject(s.db, companyId, projectId);
  if (!project) {
    await syncProjects(s.db, procore, companyId);
    project = await repo.findProject(s.db, companyId, projectId);
    if (!project) throw new NotFoundError(`Company ${companyId} has no project ${projectId} in Procore.`);
  }
  let syncedAt = await repo.lastSync(s.db, companyId, projectId);
  if (stale(syncedAt)) {
    await syncProjectDirectory(s.db, procore, companyId, projectId);
    syncedAt = await repo.lastSync(s.db, companyId, projectId);
  }
  return build(s, companyId, project, syncedAt);
}

async function build(s: Services, companyId: string, project: { id: string; name: string } | null, syncedAt: Date | null): Promise<Directory> {
  const rows = await repo.listDirectory(s.db, companyId, project?.id ?? null);
  return {
    company: { id: companyId, name: (await repo.companyName(s.db, companyId)) ?? `Company ${companyId}` },
    project,
    vendors: rows.map((r) => ({ ...r, emailValid: isValidEmail(r.email) })),
    syncedAt: (syncedAt ?? new Date()).toISOString(),
  };
}
