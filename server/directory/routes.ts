import { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema, projectParamsSchema } from '../contracts/directory';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { companyDirectory, projectDirectory } from './service';

export function directoryRoutes(s: Services): Router {
  const r = Router();
  r.use('/api/companies', requireUser(s.db));
  r.get(
    '/api/companies/:companyId/vendors',
    handle(async (req, res) => {
      const { companyId } = parse(companyParamsSchema, req.params, 'company');
      return companyDirectory(s, currentUser(res).id, companyId);
    }),
  );
  r.get(
    '/api/companies/:companyId/projects/:projectId/vendors',
    handle(async (req, res) => {
      const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
      return projectDirectory(s, currentUser(res).id, companyId, projectId);
    }),
  );
  return r;
}
