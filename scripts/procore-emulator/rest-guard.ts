import type { NextFunction, Request, Response } from 'express';
import { liveToken } from './oauth';
import { membershipOf, type EmulatorState } from './store';
import type { Company, Project } from './types';
import { restContext, sendError, toId } from './http';

// Authentication and company/project access rules shared by every REST route.

const EXEMPT = /^\/rest\/v1\.[0-9]\/(me|companies)\/?$/;

export function authenticate(state: EmulatorState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const { token, problem } = liveToken(state, req.get('authorization'));
    const user = token ? state.users.find((u) => u.id === token.user_id) : undefined;
    if (!token || !user) {
      res.set('WWW-Authenticate', `Bearer realm="Doorkeeper", error="invalid_token", error_description="${problem ?? 'unknown user'}"`);
      sendError(res, 401, problem ?? 'The access token is invalid');
      return;
    }
    res.locals.rest = { token, user, companyId: null };
    next();
  };
}

export function requireCompanyHeader(state: EmulatorState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const ctx = restContext(res);
    const path = req.originalUrl.split('?')[0] ?? '';
    const raw = req.get('procore-company-id');
    // The two exempt endpoints still need the header when a DMSA calls them.
    if (!raw && req.method === 'GET' && EXEMPT.test(path) && !ctx.user.is_service_account) {
      next();
      return;
    }
    if (!raw) {
      sendError(res, 400, 'Missing Procore-Company-Id header!');
      return;
    }
    const companyId = toId(raw);
    if (companyId === null) {
      sendError(res, 400, `Invalid Procore-Company-Id header: ${raw}`);
      return;
    }
    ctx.companyId = companyId;
    if (EXEMPT.test(path) || checkCompany(state, res, companyId)) next();
  };
}

/** 403/404 unless the caller may use `companyId`; sends the response itself when it refuses. */
export function checkCompany(state: EmulatorState, res: Response, companyId: number | null): Company | null {
  const { user } = restContext(res);
  const company = companyId === null ? undefined : state.companies.find((c) => c.id === companyId);
  if (!company || !membershipOf(user, company.id)) {
    sendError(res, 403, 'You do not have access to this company. 403 Forbidden');
    return null;
  }
  if (!company.app_installed) {
    sendError(res, 403, 'App is not connected to this company');
    return null;
  }
  return company;
}

/** The project with id `rawId` if the caller may see it; otherwise sends 400/403/404 and returns null. */
export function checkProject(state: EmulatorState, res: Response, rawId: unknown): Project | null {
  const projectId = toId(rawId);
  if (projectId === null) {
    sendError(res, 400, 'project_id is required and must be an integer');
    return null;
  }
  const project = state.projects.find((p) => p.id === projectId);
  if (!project) {
    sendError(res, 404, `Couldn't find Project with 'id'=${projectId}`);
    return null;
  }
  // Procore answers another company's project as missing, whatever the caller's memberships.
  const headerCompany = restContext(res).companyId;
  if (headerCompany !== null && headerCompany !== project.company_id) {
    sendError(res, 404, `Couldn't find Project with 'id'=${projectId}`);
    return null;
  }
  if (!checkCompany(state, res, project.company_id)) return null;
  const membership = membershipOf(restContext(res).user, project.company_id);
  if (!membership?.is_company_admin && !membership?.project_ids.includes(project.id)) {
    sendError(res, 403, 'You do not have access to this project. 403 Forbidden');
    return null;
  }
  return project;
}

/** Insurance writes need Procore's insurance permission: an insurance manager or a company admin. */
export function checkInsuranceWriter(res: Response, companyId: number): boolean {
  const membership = membershipOf(restContext(res).user, companyId);
  if (membership?.is_company_admin || membership?.is_insurance_manager) return true;
  sendError(res, 403, 'You do not have permission to manage insurance for this company. 403 Forbidden');
  return false;
}

/** Company id from a query/body parameter, validated like the header. */
export function companyParam(state: EmulatorState, res: Response, raw: unknown): Company | null {
  const companyId = toId(raw);
  if (companyId === null) {
    sendError(res, 400, 'company_id is required and must be an integer');
    return null;
  }
  const headerCompany = restContext(res).companyId;
  if (headerCompany !== null && headerCompany !== companyId) {
    sendError(res, 404, `Couldn't find Company with 'id'=${companyId}`);
    return null;
  }
  return checkCompany(state, res, companyId);
}
