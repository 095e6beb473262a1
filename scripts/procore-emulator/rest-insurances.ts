import express, { type Request, type Response, type Router } from 'express';
import { fieldErrors, insuranceChanges, insuranceInput } from './insurance-input';
import { paginate } from './paging';
import type { RestDeps } from './rest-deps';
import { checkInsuranceWriter, checkProject, companyParam } from './rest-guard';
import { serializeInsurance } from './serializers';
import { nowIso } from './store';
import type { Insurance } from './types';
import { bodyObject, param, restContext, sendError, toId } from './http';

// The four insurance scopes: company (all vendors), company vendor, project (all vendors),
// project vendor. Company-level records have project_id null.

interface Scope {
  companyId: number;
  projectId: number | null;
  vendorId: number | null;
}

function resolveScope(deps: RestDeps, req: Request, res: Response): Scope | null {
  const { state } = deps;
  let scope: Scope;
  if (req.params.projectId !== undefined) {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return null;
    scope = { companyId: project.company_id, projectId: project.id, vendorId: null };
  } else {
    const company = companyParam(state, res, req.params.companyId ?? bodyObject(req).company_id);
    if (!company) return null;
    scope = { companyId: company.id, projectId: null, vendorId: null };
  }
  if (req.params.vendorId === undefined) return scope;
  const vendor = state.vendors.get(toId(param(req, 'vendorId')) ?? 0);
  const inProject = scope.projectId === null || state.directories.get(scope.projectId)?.has(vendor?.id ?? 0);
  if (!vendor || vendor.company_id !== scope.companyId || !inProject) {
    sendError(res, 404, `Couldn't find Vendor with 'id'=${param(req, 'vendorId')}`);
    return null;
  }
  return { ...scope, vendorId: vendor.id };
}

function inScope(i: Insurance, s: Scope): boolean {
  return i.company_id === s.companyId && i.project_id === s.projectId && (s.vendorId === null || i.vendor_id === s.vendorId);
}

type Outcome = { insurance: Insurance } | { errors: Record<string, string[]>; status: number };

/** Creates (no id) or updates (id) one insurance within the scope. */
function upsert(deps: RestDeps, scope: Scope, raw: unknown, id: number | null, userId: number): Outcome {
  const parsed = insuranceInput.safeParse(raw ?? {});
  if (!parsed.success) return { errors: fieldErrors(parsed.error), status: 422 };
  const changes = insuranceChanges(parsed.data);
  if (scope.vendorId !== null) changes.vendor_id = scope.vendorId;
  const existing = id === null ? undefined : deps.state.insurances.get(id);
  if (id !== null && (!existing || !inScope(existing, scope))) return { errors: { id: ['not found'] }, status: 404 };
  const vendorId = changes.vendor_id ?? existing?.vendor_id;
  const vendor = vendorId === undefined ? undefined : deps.state.vendors.get(vendorId);
  if (!vendor) return { errors: { vendor_id: [vendorId === undefined ? "can't be blank" : 'does not exist'] }, status: 422 };
  if (vendor.company_id !== scope.companyId) return { errors: { vendor_id: ['does not belong to this company'] }, status: 422 };
  const stamp = nowIso();
  const insurance: Insurance = existing
    ? Object.assign(existing, changes, { updated_at: stamp })
    : { ...blankInsurance(deps, scope, vendor.id, stamp), ...changes };
  deps.state.insurances.set(insurance.id, insurance);
  emitInsurance(deps, insurance, existing ? 'update' : 'create', userId);
  return { insurance };
}

function blankInsurance(deps: RestDeps, scope: Scope, vendorId: number, stamp: string): Insurance {
  return {
    id: deps.state.nextId('insurance'), company_id: scope.companyId, project_id: scope.projectId, vendor_id: vendorId,
    effective_date: null, expiration_date: null, enable_expired_insurance_notifications: true, exempt: false, info_received: false,
    insurance_provider: null, insurance_type: null, limit: null, notes: null, policy_number: null, status: 'undecided',
    additional_insured: null, origin_id: null, origin_data: null, created_at: stamp, updated_at: stamp,
  };
}

function emitInsurance(deps: RestDeps, i: Insurance, eventType: 'create' | 'update' | 'delete', userId: number): void {
  deps.emit({
    resource_name: i.project_id === null ? 'Company Insurances' : 'Project Insurances',
    event_type: eventType, resource_id: i.id, company_id: i.company_id, project_id: i.project_id, user_id: userId,
  });
}

function sync(deps: RestDeps, req: Request, res: Response): void {
  const scope = resolveScope(deps, req, res);
  if (!scope || !checkInsuranceWriter(res, scope.companyId)) return;
  const updates = bodyObject(req).updates;
  if (!Array.isArray(updates)) return sendError(res, 422, 'updates must be an array', { updates: ['must be an array'] });
  if (updates.length > 1000) return sendError(res, 422, 'A sync accepts at most 1000 items', { updates: ['is too long (maximum is 1000 items)'] });
  const entities: unknown[] = [];
  const errors: unknown[] = [];
  for (const item of updates as unknown[]) {
    const fields = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const { id, ...rest } = fields;
    const outcome = upsert(deps, scope, rest, id === undefined ? null : toId(id) ?? -1, restContext(res).user.id);
    if ('insurance' in outcome) entities.push(serializeInsurance(outcome.insurance));
    else errors.push({ ...fields, errors: outcome.errors });
  }
  res.json({ entities, errors });
}

function routes(router: Router, base: string, deps: RestDeps): void {
  const { state } = deps;
  router.patch(`${base}/sync`, (req, res) => sync(deps, req, res));
  router.get(base, (req, res) => {
    const scope = resolveScope(deps, req, res);
    if (!scope) return;
    const list = [...state.insurances.values()].filter((i) => inScope(i, scope)).sort((a, b) => a.id - b.id);
    res.json(paginate(req, res, list, 'insurances', deps.maxPerPage).map(serializeInsurance));
  });
  router.post(base, (req, res) => {
    const scope = resolveScope(deps, req, res);
    if (!scope || !checkInsuranceWriter(res, scope.companyId)) return;
    const outcome = upsert(deps, scope, bodyObject(req).insurance, null, restContext(res).user.id);
    if ('insurance' in outcome) res.status(201).json(serializeInsurance(outcome.insurance));
    else sendError(res, outcome.status, 'Validation failed', outcome.errors);
  });
  router.get(`${base}/:id`, (req, res) => {
    const scope = resolveScope(deps, req, res);
    const insurance = state.insurances.get(toId(param(req, 'id')) ?? 0);
    if (!scope) return;
    if (!insurance || !inScope(insurance, scope)) sendError(res, 404, `Couldn't find Insurance with 'id'=${param(req, 'id')}`);
    else res.json(serializeInsurance(insurance));
  });
  router.patch(`${base}/:id`, (req, res) => {
    const scope = resolveScope(deps, req, res);
    if (!scope || !checkInsuranceWriter(res, scope.companyId)) return;
    const outcome = upsert(deps, scope, bodyObject(req).insurance, toId(param(req, 'id')) ?? -1, restContext(res).user.id);
    if ('insurance' in outcome) res.json(serializeInsurance(outcome.insurance));
    else sendError(res, outcome.status, outcome.status === 404 ? 'Insurance not found' : 'Validation failed', outcome.errors);
  });
  router.delete(`${base}/:id`, (req, res) => {
    const scope = resolveScope(deps, req, res);
    if (!scope || !checkInsuranceWriter(res, scope.companyId)) return;
    const insurance = state.insurances.get(toId(param(req, 'id')) ?? 0);
    if (!insurance || !inScope(insurance, scope)) return sendError(res, 404, `Couldn't find Insurance with 'id'=${param(req, 'id')}`);
    state.insurances.delete(insurance.id);
    emitInsurance(deps, insurance, 'delete', restContext(res).user.id);
    res.status(200).end();
  });
}

export function insurancesRouter(deps: RestDeps): Router {
  const router = express.Router();
  router.patch('/insurances/sync', (req, res) => sync(deps, req, res));
  routes(router, '/companies/:companyId/insurances', deps);
  routes(router, '/companies/:companyId/vendors/:vendorId/insurances', deps);
  routes(router, '/projects/:projectId/insurances', deps);
  routes(router, '/projects/:projectId/vendors/:vendorId/insurances', deps);
  return router;
}
