import { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema, projectParamsSchema } from '../contracts/directory';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { fullReviewQueue, overview } from './service';

// The compliance manager's desk: the overview (company and project) and the review queue.

export function deskRoutes(s: Services): Router {
  const r = Router();
  const company = '/api/companies/:companyId';
  const project = `${company}/projects/:projectId`;
  r.use('/api/companies', requireUser(s.db));

  r.get(`${company}/overview`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return overview(s, currentUser(res), { companyId, projectId: null });
  }));
  r.get(`${project}/overview`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return overview(s, currentUser(res), { companyId, projectId });
  }));
  r.get(`${company}/review-queue`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return fullReviewQueue(s, currentUser(res), { companyId, projectId: null });
  }));
  r.get(`${project}/review-queue`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return fullReviewQueue(s, currentUser(res), { companyId, projectId });
  }));
  return r;
}
