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
    return readRequirements(s, currentUser(res), companyId, null);
  }));
  r.put(`${company}/requirements`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return saveRequirements(s, currentUser(res), companyId, null, parseRequirementSet(req.body));
  }));
  r.post(`${company}/requirements/preview`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return previewRequirements(s, currentUser(res), companyId, null, parseRequirementSet(req.body));
  }));
  r.get(`${project}/requirements`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return readRequirements(s, currentUser(res), companyId, projectId);
  }));
  r.put(`${project}/requirements`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return saveRequirements(s, currentUser(res), companyId, projectId, parseRequirementSet(req.body));
  }));
  r.delete(`${project}/requirements`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return removeProjectRequirements(s, currentUser(res), companyId, projectId);
  }));
  r.post(`${project}/requirements/preview`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return previewRequirements(s, currentUser(res), companyId, projectId, parseRequirementSet(req.body));
  }));
  r.get(`${company}/carriers`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return readCarriers(s, currentUser(res), companyId);
  }));
  r.put(`${company}/carriers`, csvBody, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return importCarriers(s, currentUser(res), companyId, csvText(req.body));
  }));
  return r;
}
