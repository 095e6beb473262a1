import type { Services } from '../services';
import type { RequirementSet } from '../contracts/requirements';
import type { RequirementsPreview } from '../contracts/requirements-api';
import type { SessionUser } from '../contracts/session';
import { previewRequirementChange, type PreviewItem } from '../compliance/preview';
import { pickCertificate } from './certificate';
import { contextFor, effectiveRequirements } from './effective';
import { commitmentValues, requestsInScope, uploadedDocuments } from './evaluation-repository';
import { isoToday } from './findings';
import { loadCarriers } from './repository';

// "How many current vendors would change status?" before a set is saved: every open request
// held to this scope's set whose newest upload has a read certificate is evaluated under the
// set in force and under the proposal.

export async function previewRequirements(
  s: Services,
  user: SessionUser,
  companyId: string,
  projectId: string | null,
  proposed: RequirementSet,
): Promise<RequirementsPreview> {
  const current = await effectiveRequirements(s.db, companyId, projectId);
  // A change of the company default reaches global requests and projects without a set of
  // their own; a project's own set reaches that project's requests only.
  const requests = await requestsInScope(s.db, companyId, projectId === null ? 'company' : { projectId });
  const ids = requests.map((r) => r.id);
  const documents = ids.length ? await uploadedDocuments(s.db, companyId, ids) : new Map();
  const commitments = await commitmentValues(s.db, companyId, [...new Set(requests.map((r) => r.vendorId))]);
  const carriers = await loadCarriers(s.db, companyId);
  const today = isoToday();
  const items: PreviewItem[] = [];
  for (const r of requests) {
    const pick = pickCertificate(documents.get(r.id) ?? []);
    if (pick.kind !== 'document') continue;
    items.push({ key: r.id, extraction: pick.extraction, context: contextFor(r, { today, commitments, carriers }) });
  }
  const { changes, ...summary } = previewRequirementChange(items, current.requirements, proposed);
  const byId = new Map(requests.map((r) => [r.id, r]));
  return {
    currentSource: current.source,
    summary,
    changes: changes.map((c) => {
      const r = byId.get(c.key)!;
      return { requestId: r.id, vendorId: r.vendorId, vendorName: r.vendorName, projectName: r.projectName, before: c.before, after: c.after };
    }),
  };
}
