import express, { type Router } from 'express';
import { paginate } from './paging';
import type { RestDeps } from './rest-deps';
import { checkProject, companyParam } from './rest-guard';
import { serializeUser } from './serializers';
import { membershipOf } from './store';
import { bodyObject, filterValue, param, restContext, sendError, toId } from './http';

// Company users (the company Directory's people) and project template assignments
// (procore-platform.md section 6: PATCH /projects/{pid}/permission_template_assignments).

export function usersRouter(deps: RestDeps): Router {
  const { state, maxPerPage } = deps;
  const router = express.Router();

  router.get('/companies/:companyId/users', (req, res) => {
    const company = companyParam(state, res, param(req, 'companyId'));
    if (!company) return;
    const search = String(filterValue(req, 'search') ?? '').toLowerCase();
    const users = state.users
      .filter((u) => !u.is_service_account && membershipOf(u, company.id))
      .filter((u) => !search || u.name.toLowerCase().includes(search) || u.login.includes(search))
      .map((u) => serializeUser(state, u, company.id));
    res.json(paginate(req, res, users, 'users', maxPerPage));
  });

  router.get('/companies/:companyId/users/:userId', (req, res) => {
    const company = companyParam(state, res, param(req, 'companyId'));
    if (!company) return;
    const user = state.users.find((u) => u.id === toId(param(req, 'userId')) && !u.is_service_account && membershipOf(u, company.id));
    if (!user) sendError(res, 404, "Couldn't find User");
    else res.json(serializeUser(state, user, company.id));
  });

  router.patch('/projects/:projectId/permission_template_assignments', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return;
    // Changing someone's permissions takes admin rights on the company Directory.
    if (!membershipOf(restContext(res).user, project.company_id)?.is_company_admin) {
      sendError(res, 403, 'You do not have permission to assign permission templates. 403 Forbidden');
      return;
    }
    const assignment = bodyObject(req).permission_template_assignments;
    const fields = assignment && typeof assignment === 'object' ? (assignment as Record<string, unknown>) : {};
    const userId = toId(fields.user_id);
    const templateId = toId(fields.permission_template_id);
    if (userId === null || templateId === null) {
      sendError(res, 400, 'permission_template_assignments needs user_id and permission_template_id', {
        ...(userId === null ? { user_id: ['is required'] } : {}),
        ...(templateId === null ? { permission_template_id: ['is required'] } : {}),
      });
      return;
    }
    const user = state.users.find((u) => u.id === userId);
    const membership = user ? membershipOf(user, project.company_id) : undefined;
    if (!user || !membership || !(membership.is_company_admin || membership.project_ids.includes(project.id))) {
      sendError(res, 404, "Couldn't find User on this project");
      return;
    }
    const template = state.templates.find((t) => t.id === templateId && t.company_id === project.company_id && (t.project_id === null || t.project_id === project.id));
    if (!template) {
      sendError(res, 422, 'Permission template is not available on this project', { permission_template_id: ['is invalid'] });
      return;
    }
    membership.project_templates = { ...membership.project_templates, [project.id]: template.id };
    res.json(serializeUser(state, user, project.company_id, project.id));
  });

  return router;
}
