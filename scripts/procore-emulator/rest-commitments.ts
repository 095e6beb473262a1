import express, { type Request, type Response, type Router } from 'express';
import { paginate } from './paging';
import type { RestDeps } from './rest-deps';
import { checkProject } from './rest-guard';
import { serializeCommitment, serializeContract } from './serializers';
import type { Commitment, CommitmentKind } from './types';
import { filterValue, param, queryString, sendError, toId, updatedInRange } from './http';

// Work order contracts (subcontracts), purchase order contracts and the combined /commitments.

/** Work order and purchase order lists take Procore's updated_at filter; the combined /commitments does not. */
function projectCommitments(deps: RestDeps, req: Request, projectId: number, kind: CommitmentKind | null): Commitment[] {
  const status = filterValue(req, 'status');
  const statuses = status === undefined ? null : new Set((Array.isArray(status) ? status : [status]).map(String));
  const includeDeleted = filterValue(req, 'include_deleted');
  return [...deps.state.commitments.values()].filter(
    (c) =>
      c.project_id === projectId &&
      (kind === null || c.kind === kind) &&
      (statuses === null || statuses.has(c.status)) &&
      (kind === null || updatedInRange(req, c.updated_at)) &&
      (includeDeleted === 'only' ? c.deleted_at !== null : includeDeleted === 'with' || c.deleted_at === null),
  );
}

function findOne(deps: RestDeps, req: Request, res: Response, kind: CommitmentKind | null): Commitment | null {
  const project = checkProject(deps.state, res, queryString(req, 'project_id'));
  if (!project) return null;
  const commitment = deps.state.commitments.get(toId(param(req, 'id')) ?? 0);
  if (!commitment || commitment.project_id !== project.id || (kind !== null && commitment.kind !== kind)) {
    sendError(res, 404, `Couldn't find commitment with 'id'=${param(req, 'id')}`);
    return null;
  }
  return commitment;
}

export function commitmentsRouter(deps: RestDeps): Router {
  const router = express.Router();
  const kinds: [string, CommitmentKind][] = [['work_order_contracts', 'work_order'], ['purchase_order_contracts', 'purchase_order']];
  for (const [path, kind] of kinds) {
    router.get(`/${path}`, (req, res) => {
      const project = checkProject(deps.state, res, queryString(req, 'project_id'));
      if (!project) return;
      const view = queryString(req, 'view') ?? 'extended';
      const page = paginate(req, res, projectCommitments(deps, req, project.id, kind), path, deps.maxPerPage);
      res.json(page.map((c) => serializeContract(deps.state, c, view)));
    });
    router.get(`/${path}/:id`, (req, res) => {
      const commitment = findOne(deps, req, res, kind);
      if (commitment) res.json(serializeContract(deps.state, commitment));
    });
  }
  router.get('/commitments', (req, res) => {
    const project = checkProject(deps.state, res, queryString(req, 'project_id'));
    if (!project) return;
    const page = paginate(req, res, projectCommitments(deps, req, project.id, null), 'commitments', deps.maxPerPage);
    res.json(page.map((c) => serializeCommitment(deps.state, c)));
  });
  router.get('/commitments/:id', (req, res) => {
    const commitment = findOne(deps, req, res, null);
    if (commitment) res.json(serializeCommitment(deps.state, commitment));
  });
  return router;
}
