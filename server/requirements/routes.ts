import express, { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema, projectParamsSchema } from '../contracts/directory';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { ValidationError } from '../errors';
import { parseRequirementSet } from '../compliance/validate-requirements';
import { readRequirements, removeProjectRequirements, saveRequirements } from './service';
import { previewRequirements } from './preview';
import { importCarriers, readCarriers } from './carriers';
import { authorize } from '../permissions/authorize';

// Requirement sets (company default and project overrides), the preview of a change, and the
// carrier rating table. Set bodies are checked by parseRequirementSet, which lists every
// problem with its path.

const csvBody = express.text({ type: 'text/csv', limit: '5mb' });

function csvText(body: unknown): string {
  if (typeof body !== 'string') throw new ValidationError('Send the carrier table as CSV text with Content-Type: text/csv.');
  return body;
}

export function requirementRoutes(s: Services): Router {
  const r = Router();
  const company = '/api/companies/:companyId';
  const project = `${company}/projects/:projectId`;
  r.use('/api/companies', requireUser(s.db));

  r.get(`${company}/requirements`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'requirements.view');
    return readRequirements(s, companyId, null);
  }));
  r.put(`${company}/requirements`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'requirements.edit');
    return saveRequirements(s, currentUser(res), companyId, null, parseRequirementSet(req.body));
  }));
  r.post(`${company}/requirements/preview`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'requirements.edit');
    return previewRequirements(s, currentUser(res), companyId, null, parseRequirementSet(req.body));
  }));
  r.get(`${project}/requirements`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    await authorize(s, currentUser(res), companyId, projectId, 'requirements.view');
    return readRequirements(s, companyId, projectId);
  }));
  r.put(`${project}/requirements`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    await authorize(s, currentUser(res), companyId, projectId, 'requirements.edit');
    return saveRequirements(s, currentUser(res), companyId, projectId, parseRequirementSet(req.body));
  }));
  r.delete(`${project}/requirements`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    await authorize(s, currentUser(res), companyId, projectId, 'requirements.edit');
    return removeProjectRequirements(s, currentUser(res), companyId, projectId);
  }));
  r.post(`${project}/requirements/preview`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    await authorize(s, currentUser(res), companyId, projectId, 'requirements.edit');
    return previewRequirements(s, currentUser(res), companyId, projectId, parseRequirementSet(req.body));
  }));
  r.get(`${company}/carriers`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'carriers.view');
    return readCarriers(s, companyId);
  }));
  r.put(`${company}/carriers`, csvBody, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'carriers.import');
    return importCarriers(s, currentUser(res), companyId, csvText(req.body));
  }));
  return r;
}
