import { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema } from '../contracts/directory';
import { mappingSchema, overrideSchema, templateParamsSchema, userParamsSchema } from '../contracts/permissions';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { authorize } from './authorize';
import { removeOverride, rolesView, setMapping, setOverride } from './users-roles';

// Users and roles (compliance managers): templates mapped to roles, per-user overrides.

export function roleRoutes(s: Services): Router {
  const r = Router();
  const base = '/api/companies/:companyId/roles';
  r.use('/api/companies', requireUser(s.db));

  r.get(base, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'roles.manage');
    return rolesView(s, currentUser(res), companyId);
  }));
  r.put(`${base}/templates/:templateId`, handle(async (req, res) => {
    const { companyId, templateId } = parse(templateParamsSchema, req.params, 'template');
    await authorize(s, currentUser(res), companyId, null, 'roles.manage');
    return setMapping(s, currentUser(res), companyId, templateId, parse(mappingSchema, req.body ?? {}, 'mapping'));
  }));
  r.put(`${base}/users/:userId/override`, handle(async (req, res) => {
    const { companyId, userId } = parse(userParamsSchema, req.params, 'user');
    await authorize(s, currentUser(res), companyId, null, 'roles.manage');
    return setOverride(s, currentUser(res), companyId, userId, parse(overrideSchema, req.body ?? {}, 'override'));
  }));
  r.delete(`${base}/users/:userId/override`, handle(async (req, res) => {
    const { companyId, userId } = parse(userParamsSchema, req.params, 'user');
    await authorize(s, currentUser(res), companyId, null, 'roles.manage');
    return removeOverride(s, currentUser(res), companyId, userId);
  }));
  return r;
}
