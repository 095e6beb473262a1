import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { fieldErrors } from './insurance-input';
import { addVendorToProject, createVendor } from './mutations';
import { paginate } from './paging';
import type { RestDeps } from './rest-deps';
import { checkProject, companyParam } from './rest-guard';
import { serializeVendor } from './serializers';
import { companyVendors, type EmulatorState } from './store';
import type { Vendor } from './types';
import { bodyObject, filterValue, param, queryString, restContext, sendError, toId, updatedInRange } from './http';

// Company directory (/vendors) and project directory (/projects/{id}/vendors). The main list
// holds active vendors only; inactive ones live at /companies/{id}/vendors/inactive.

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : String(value).split(',');
}

/** Company lists take Procore's updated_at filter; a project directory does not (procore-platform.md section 3). */
function filterVendors(req: Request, vendors: Vendor[], byUpdatedAt: boolean): Vendor[] {
  const search = String(filterValue(req, 'search') ?? '').toLowerCase();
  const ids = new Set(asArray(filterValue(req, 'id')).map(toId));
  const tradeIds = new Set(asArray(filterValue(req, 'trade_id')).map(toId));
  const filtered = vendors.filter(
    (v) =>
      (!search || v.name.toLowerCase().includes(search) || (v.email_address ?? '').toLowerCase().includes(search)) &&
      (ids.size === 0 || ids.has(v.id)) &&
      (tradeIds.size === 0 || v.trade_ids.some((t) => tradeIds.has(t))) &&
      (!byUpdatedAt || updatedInRange(req, v.updated_at)),
  );
  const sort = queryString(req, 'sort') ?? 'name';
  const direction = sort.startsWith('-') ? -1 : 1;
  return sort.replace(/^-/, '') === 'name' ? filtered.sort((a, b) => direction * a.name.localeCompare(b.name) || a.id - b.id) : filtered;
}

function vendorList(req: Request, res: Response, state: EmulatorState, vendors: Vendor[], endpoint: string, deps: RestDeps, byUpdatedAt = false): void {
  const view = queryString(req, 'view') ?? 'extended';
  const page = paginate(req, res, filterVendors(req, vendors, byUpdatedAt), endpoint, deps.maxPerPage);
  res.json(page.map((v) => serializeVendor(state, v, view)));
}

const vendorBody = z.object({
  name: z.string().trim().min(1, "can't be blank"),
  email_address: z.string().nullish(),
  trade_name: z.string().nullish(),
});

export function vendorsRouter(deps: RestDeps): Router {
  const { state } = deps;
  const router = express.Router();

  router.get('/vendors', (req, res) => {
    const company = companyParam(state, res, queryString(req, 'company_id'));
    if (company) vendorList(req, res, state, companyVendors(state, company.id).filter((v) => v.is_active), 'vendors', deps, true);
  });

  router.get('/companies/:companyId/vendors/inactive', (req, res) => {
    const company = companyParam(state, res, param(req, 'companyId'));
    if (company) vendorList(req, res, state, companyVendors(state, company.id).filter((v) => !v.is_active), 'vendors', deps);
  });

  router.get('/vendors/:id', (req, res) => {
    const company = companyParam(state, res, queryString(req, 'company_id') ?? restContext(res).companyId);
    if (!company) return;
    const vendor = state.vendors.get(toId(param(req, 'id')) ?? 0);
    if (!vendor || vendor.company_id !== company.id) sendError(res, 404, `Couldn't find Vendor with 'id'=${param(req, 'id')}`);
    else res.json(serializeVendor(state, vendor, queryString(req, 'view')));
  });

  router.post('/vendors', (req, res) => {
    const body = bodyObject(req);
    const company = companyParam(state, res, body.company_id ?? queryString(req, 'company_id'));
    if (!company) return;
    const parsed = vendorBody.safeParse(body.vendor);
    if (!parsed.success) {
      sendError(res, 422, 'Validation failed', fieldErrors(parsed.error));
      return;
    }
    const vendor = createVendor(deps, {
      company_id: company.id, name: parsed.data.name, email: parsed.data.email_address, trade: parsed.data.trade_name, user_id: restContext(res).user.id,
    });
    res.status(201).json(serializeVendor(state, vendor));
  });

  router.get('/projects/:projectId/vendors', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return;
    const ids = state.directories.get(project.id) ?? new Set<number>();
    const vendors = [...ids].map((id) => state.vendors.get(id)).filter((v): v is Vendor => v !== undefined);
    vendorList(req, res, state, vendors, 'project_vendors', deps);
  });

  router.get('/projects/:projectId/vendors/:id', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return;
    const id = toId(param(req, 'id')) ?? 0;
    const vendor = state.vendors.get(id);
    if (!vendor || !state.directories.get(project.id)?.has(id)) sendError(res, 404, `Couldn't find Vendor with 'id'=${param(req, 'id')}`);
    else res.json(serializeVendor(state, vendor, queryString(req, 'view')));
  });

  router.post('/projects/:projectId/vendors/:id/actions/add', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return;
    const vendor = state.vendors.get(toId(param(req, 'id')) ?? 0);
    if (!vendor || vendor.company_id !== project.company_id) {
      sendError(res, 404, `Couldn't find Vendor with 'id'=${param(req, 'id')}`);
      return;
    }
    addVendorToProject(deps, project.id, vendor, restContext(res).user.id);
    res.json(serializeVendor(state, vendor));
  });

  router.delete('/projects/:projectId/vendors/:id/actions/remove', (req, res) => {
    const project = checkProject(state, res, param(req, 'projectId'));
    if (!project) return;
    const id = toId(param(req, 'id')) ?? 0;
    if (!state.directories.get(project.id)?.delete(id)) sendError(res, 404, `Couldn't find Vendor with 'id'=${param(req, 'id')}`);
    else res.status(200).end();
  });

  return router;
}
