import express, { type Router } from 'express';
import { paginate } from './paging';
import type { RestDeps } from './rest-deps';
import { checkCompany, checkProject, companyParam } from './rest-guard';
import { serializeProject, serializeUser } from './serializers';
import { membershipOf, visibleProjects, type EmulatorState } from './store';
import type { PermissionTemplate, Project, User } from './types';
import { filterValue, param, queryString, restContext, sendError, toId, updatedInRange } from './http';

// Companies, the current user, projects, project users, permissions and permission templates.

const LEVEL_IDS: Record<PermissionTemplate['level'], number> = { None: 0, 'Read Only': 1, Standard: 2, Admin: 3 };

function toolsFor(state: EmulatorState, user: User, companyId: number, scope: 'company' | 'project'): Record<string, unknown>[] {
  const membership = membershipOf(user, companyId);
  const template = state.templates.find((t) => t.id === membership?.permission_template_id);
  const level = membership?.is_company_admin ? 'Admin' : (template?.level ?? 'None');
  const tools = scope === 'company'
    ? [[1, 'directory', 'Directory', 'directory'], [2, 'admin', 'Admin', 'admin'], [3, 'webhooks', 'Webhooks API', 'webhooks']]
    : [[11, 'directory', 'Directory', 'directory'], [12, 'contracts', 'Commitments', 'commitments'], [13, 'home', 'Project Home', 'home']];
  return tools.map(([id, name, friendly, url]) => {
    const toolLevel = name === 'admin' && !membership?.is_company_admin ? 'None' : level;
    return {
      id,
      name,
      friendly_name: friendly,
      domain_id: companyId,
      tab_group: scope === 'company' ? 'Company Tools' : 'Project Tools',
      available_for_user: toolLevel !== 'None',
      url: `/${String(url)}`,
      user_access_level: { id: LEVEL_IDS[toolLevel], name: toolLevel },
      permitted_actions: membership?.is_insurance_manager && name === 'directory' ? ['manage_insurance'] : [],
      can_create: toolLevel === 'Standard' || toolLevel === 'Admin',
      trial: false,
    };
  });
}

/** Procore lists company admins on every project of their company. */
function onProject(user: User, project: Project): boolean {
  const membership = membershipOf(user, project.company_id);
  return membership !== undefined && (membership.is_company_admin || membership.project_ids.includes(project.id));
}

function serializeTemplate(t: PermissionTemplate): Record<string, unknown> {
  return { id: t.id, name: t.name, project_specific: t.project_specific, type: t.type, category: t.category };
}

export function coreRouter(deps: RestDeps): Router {
  const { state, maxPerPage } = deps;
  const router = express.Router();

  router.get('/me', (_req, res) => {
    const { user } = restContext(res);
    res.json({ id: user.id, login: user.login, name: user.name });
  });

  router.get('/companies', (req, res) => {
    const { user } = restContext(res);
    const companies = state.companies
      .filter((c) => membershipOf(user, c.id))
      .map((c) => ({ id: c.id, name: c.name, is_active: c.is_active, logo_url: c.logo_url, pcn_business_experience: null, my_company: false }));
    res.json(paginate(req, res, companies, 'companies', maxPerPage));
  });

  router.get('/companies/:companyId/me', (req, res) => {
    const company = companyParam(state, res, param(req, 'companyId'));
    if (company) res.json(serializeUser(state, restContext(res).user, company.id));
  });

  const listProjects: express.RequestHandler = (req, res) => {
    const company = companyParam(state, res, req.params.companyId ?? queryString(req, 'company_id'));
    if (!company) return;
    const status = filterValue(req, 'by_status');
    const projects = visibleProjects(state, restContext(res).user, company.id).filter(
      (p) => (status === undefined || status === 'All' || (status === 'Active') === p.active) && updatedInRange(req, p.updated_at),
    );
    res.json(paginate(req, res, projects.map((p) => serializeProject(state, p)), 'projects', maxPerPage));
  };
  router.get('/projects', listProjects);
  router.get('/companies/:companyId/projects', listProjects);

  router.get('/projects/:projectId', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (project) res.json(serializeProject(state, project));
  });

  router.get('/projects/:projectId/users', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return;
    const search = String(filterValue(req, 'search') ?? '').toLowerCase();
    const users = state.users
      .filter((u) => !u.is_service_account && onProject(u, project))
      .filter((u) => !search || u.name.toLowerCase().includes(search) || u.login.includes(search))
      .map((u) => serializeUser(state, u, project.company_id, project.id));
    res.json(paginate(req, res, users, 'users', maxPerPage));
  });

  router.get('/projects/:projectId/users/:userId', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return;
    const user = state.users.find((u) => u.id === toId(param(req, 'userId')) && onProject(u, project));
    if (!user) sendError(res, 404, 'User not found');
    else res.json(serializeUser(state, user, project.company_id, project.id));
  });

  router.get('/settings/permissions', (req, res) => {
    const { user } = restContext(res);
    if (queryString(req, 'project_id')) {
      const project = checkProject(state, res, queryString(req, 'project_id'));
      if (project) res.json({ tools: toolsFor(state, user, project.company_id, 'project') });
      return;
    }
    const company = companyParam(state, res, queryString(req, 'company_id'));
    if (company) res.json({ tools: toolsFor(state, user, company.id, 'company') });
  });

  router.get('/companies/:companyId/permission_templates', (req, res) => {
    const company = companyParam(state, res, param(req, 'companyId'));
    if (!company) return;
    const templates = state.templates.filter((t) => t.company_id === company.id).map(serializeTemplate);
    res.json(paginate(req, res, templates, 'permission_templates', maxPerPage));
  });

  router.get('/companies/:companyId/permission_templates/:id', (req, res) => {
    const company = companyParam(state, res, param(req, 'companyId'));
    if (!company) return;
    const template = state.templates.find((t) => t.company_id === company.id && t.id === toId(param(req, 'id')));
    if (!template) sendError(res, 404, 'Permission template not found');
    else res.json(serializeTemplate(template));
  });

  router.get('/projects/:projectId/permission_templates', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project || !checkCompany(state, res, project.company_id)) return;
    // The company's templates plus this project's own (project-specific) ones.
    const templates = state.templates
      .filter((t) => t.company_id === project.company_id && (t.project_id === null || t.project_id === project.id))
      .map(serializeTemplate);
    res.json(paginate(req, res, templates, 'permission_templates', maxPerPage));
  });

  return router;
}
