import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { fieldErrors } from './insurance-input';
import { paginate } from './paging';
import type { RestDeps } from './rest-deps';
import { checkProject, companyParam } from './rest-guard';
import { nowIso } from './store';
import type { Hook } from './types';
import { WEBHOOK_RESOURCES } from './webhooks';
import { bodyObject, filterValue, param, sendError, toId } from './http';

// Webhooks API v1.0: hooks scoped to a company or a project, their triggers and deliveries.

interface HookScope {
  companyId: number;
  projectId: number | null;
}

function hookScope(deps: RestDeps, req: Request, res: Response): HookScope | null {
  const query = req.query as Record<string, unknown>;
  const body = bodyObject(req);
  const projectRaw = query.project_id ?? body.project_id;
  if (projectRaw !== undefined) {
    const project = checkProject(deps.state, res, projectRaw);
    return project ? { companyId: project.company_id, projectId: project.id } : null;
  }
  const company = companyParam(deps.state, res, query.company_id ?? body.company_id);
  return company ? { companyId: company.id, projectId: null } : null;
}

function findHook(deps: RestDeps, req: Request, res: Response): Hook | null {
  const scope = hookScope(deps, req, res);
  if (!scope) return null;
  const hook = deps.state.hooks.get(toId(param(req, 'id')) ?? 0);
  const matches = hook && (scope.projectId !== null ? hook.project_id === scope.projectId : hook.company_id === scope.companyId && hook.project_id === null);
  if (!hook || !matches) {
    sendError(res, 404, `Couldn't find Hook with 'id'=${param(req, 'id')}`);
    return null;
  }
  return hook;
}

const hookInput = z.object({
  api_version: z.string().default('v2'),
  namespace: z.string().regex(/^[a-z0-9-]+$/, 'may contain only lowercase letters, digits and dashes'),
  destination_url: z.url({ protocol: /^https?$/ }),
  destination_headers: z.record(z.string(), z.string()).default({}),
});

const triggerInput = z.object({
  resource_name: z.enum(WEBHOOK_RESOURCES.map((r) => r.resource_name) as [string, ...string[]]),
  event_type: z.enum(['create', 'update', 'delete']),
});

function serializeHook(hook: Hook): Record<string, unknown> {
  const { triggers: _t, company_id: _c, project_id, ...fields } = hook;
  return { ...fields, owned_by_project_id: project_id };
}

function createHook(deps: RestDeps, req: Request, res: Response): void {
  const scope = hookScope(deps, req, res);
  if (!scope) return;
  const parsed = hookInput.safeParse(bodyObject(req).hook ?? {});
  if (!parsed.success) return sendError(res, 422, 'Validation failed', fieldErrors(parsed.error));
  const stamp = nowIso();
  const hook: Hook = {
    id: deps.state.nextId('hook'), company_id: scope.projectId === null ? scope.companyId : null, project_id: scope.projectId,
    owned_by_company_id: scope.companyId, ...parsed.data, triggers: [], created_at: stamp, updated_at: stamp,
  };
  deps.state.hooks.set(hook.id, hook);
  res.status(201).json(serializeHook(hook));
}

function hookRoutes(router: Router, deps: RestDeps): void {
  router.post('/webhooks/hooks', (req, res) => createHook(deps, req, res));
  router.get('/webhooks/hooks', (req, res) => {
    const scope = hookScope(deps, req, res);
    if (!scope) return;
    const hooks = [...deps.state.hooks.values()].filter((h) =>
      scope.projectId !== null ? h.project_id === scope.projectId : h.company_id === scope.companyId,
    );
    res.json(paginate(req, res, hooks, 'hooks', deps.maxPerPage).map(serializeHook));
  });
  router.get('/webhooks/hooks/:id', (req, res) => {
    const hook = findHook(deps, req, res);
    if (hook) res.json(serializeHook(hook));
  });
  router.patch('/webhooks/hooks/:id', (req, res) => {
    const hook = findHook(deps, req, res);
    if (!hook) return;
    const parsed = hookInput.partial().safeParse(bodyObject(req).hook ?? {});
    if (!parsed.success) return sendError(res, 422, 'Validation failed', fieldErrors(parsed.error));
    const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    Object.assign(hook, changes, { updated_at: nowIso() });
    res.json(serializeHook(hook));
  });
  router.delete('/webhooks/hooks/:id', (req, res) => {
    const hook = findHook(deps, req, res);
    if (!hook) return;
    deps.state.hooks.delete(hook.id);
    res.status(204).end();
  });
}

function triggerRoutes(router: Router, deps: RestDeps): void {
  router.post('/webhooks/hooks/:id/triggers', (req, res) => {
    const hook = findHook(deps, req, res);
    if (!hook) return;
    const parsed = triggerInput.safeParse(bodyObject(req).trigger ?? {});
    if (!parsed.success) return sendError(res, 422, 'Validation failed', fieldErrors(parsed.error));
    const trigger = { id: deps.state.nextId('trigger'), ...parsed.data, created_at: nowIso() };
    hook.triggers.push(trigger);
    res.status(201).json({ ...trigger, api_version: hook.api_version });
  });
  router.get('/webhooks/hooks/:id/triggers', (req, res) => {
    const hook = findHook(deps, req, res);
    if (hook) res.json(paginate(req, res, hook.triggers.map((t) => ({ ...t, api_version: hook.api_version })), 'triggers', deps.maxPerPage));
  });
  router.delete('/webhooks/hooks/:id/triggers/:triggerId', (req, res) => {
    const hook = findHook(deps, req, res);
    if (!hook) return;
    const index = hook.triggers.findIndex((t) => t.id === toId(param(req, 'triggerId')));
    if (index < 0) return sendError(res, 404, `Couldn't find Trigger with 'id'=${param(req, 'triggerId')}`);
    hook.triggers.splice(index, 1);
    res.status(204).end();
  });
  router.get('/webhooks/hooks/:id/deliveries', (req, res) => {
    const hook = findHook(deps, req, res);
    if (!hook) return;
    const status = filterValue(req, 'status');
    const deliveries = deps.state.deliveries
      .filter((d) => d.hook_id === hook.id && (status === undefined || status === 'any' || d.status === status))
      .map(({ payload, ...d }) => ({ ...d, event: payload }));
    res.json(paginate(req, res, deliveries, 'deliveries', deps.maxPerPage));
  });
}

export function webhooksRouter(deps: RestDeps): Router {
  const router = express.Router();
  hookRoutes(router, deps);
  triggerRoutes(router, deps);
  router.get('/webhooks/resources', (req, res) => {
    const scope = hookScope(deps, req, res);
    if (!scope) return;
    // A company hook also hears project-level resources of every project in the company.
    const resources = WEBHOOK_RESOURCES.map(({ resource_name, event_types }) => ({ resource_name, event_types }));
    res.json(paginate(req, res, resources, 'resources', deps.maxPerPage));
  });
  return router;
}
