import { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema, projectParamsSchema } from '../contracts/directory';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { companyDirectory, projectDirectory } from './service';
import { authorize } from '../permissions/authorize';

export function directoryRoutes(s: Services): Router {
  const r = Router();
  r.use('/api/companies', requireUser(s.db));
  r.get(
    '/api/companies/:companyId/vendors',
    handle(async (req, res) => {
      const { companyId } = parse(companyParamsSchema, req.params, 'company');
      await authorize(s, currentUser(res), companyId, null, 'directory.view');
      return companyDirectory(s, currentUser(res).id, companyId);
    }),
  );
  r.get(
    '/api/companies/:companyId/projects/:projectId/vendors',
    handle(async (req, res) => {
      const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
      // The mirrored copy is served only to users who may see the project (authorize checks it).
      await authorize(s, currentUser(res), companyId, projectId, 'directory.view');
      return projectDirectory(s, currentUser(res).id, companyId, projectId);
    }),
  );
  return r;
}
