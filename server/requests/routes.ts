import { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema, projectParamsSchema } from '../contracts/directory';
import {
  companySettingsPatchSchema,
  connectProcoreGrantSchema,
  createRequestsSchema,
  deleteRequestSchema,
  requestFromCommitmentSchema,
  requestParamsSchema,
} from '../contracts/requests';
import { procoreId } from '../contracts/api';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { archiveRequest, cancelRequest, deleteRequest, requestDetail, requestForProject, requestGlobal } from './service';
import { commitmentsToRequest, requestCommitmentByUser } from './commitments';
import { automaticProblems, readSettings, updateSettings } from './company-settings';
import { authorize, authorizeRequest } from '../permissions/authorize';
import { connectProcoreGrant, disconnectProcoreGrant, readProcoreGrant } from './procore-grant';
import { unarchiveRequest } from './unarchive';

const commitmentParams = projectParamsSchema.extend({ commitmentId: procoreId });

export function requestRoutes(s: Services): Router {
  const r = Router();
  const base = '/api/companies/:companyId';
  r.use('/api/companies', requireUser(s.db));

  r.post(`${base}/projects/:projectId/requests`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    await authorize(s, currentUser(res), companyId, projectId, 'requests.create');
    const body = parse(createRequestsSchema, req.body, 'request');
    return requestForProject(s, currentUser(res), companyId, projectId, body);
  }));
  r.post(`${base}/requests`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'requests.create');
    const body = parse(createRequestsSchema, req.body, 'request');
    return requestGlobal(s, currentUser(res), companyId, body);
  }));
  r.get(`${base}/projects/:projectId/commitments`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    await authorize(s, currentUser(res), companyId, projectId, 'requests.view');
    return { commitments: await commitmentsToRequest(s, currentUser(res), companyId, projectId) };
  }));
  r.post(`${base}/projects/:projectId/commitments/:commitmentId/request`, handle(async (req, res) => {
    const { companyId, projectId, commitmentId } = parse(commitmentParams, req.params, 'commitment');
    await authorize(s, currentUser(res), companyId, projectId, 'requests.create');
    const body = parse(requestFromCommitmentSchema.omit({ commitmentId: true }), req.body ?? {}, 'request');
    return requestCommitmentByUser(s, currentUser(res), companyId, projectId, commitmentId, body.email);
  }));
  r.get(`${base}/requests/:requestId`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    const grant = await authorizeRequest(s, currentUser(res), companyId, requestId, 'requests.view');
    return requestDetail(s, companyId, requestId, grant.role === 'compliance_manager');
  }));
  r.post(`${base}/requests/:requestId/cancel`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'requests.manage');
    return cancelRequest(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${base}/requests/:requestId/archive`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'requests.manage');
    return archiveRequest(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${base}/requests/:requestId/unarchive`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'requests.manage');
    return unarchiveRequest(s, currentUser(res), companyId, requestId);
  }));
  r.delete(`${base}/requests/:requestId`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'requests.delete');
    const { reason } = parse(deleteRequestSchema, req.body ?? {}, 'deletion');
    return deleteRequest(s, currentUser(res), companyId, requestId, reason);
  }));
  r.get(`${base}/settings`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'settings.view');
    return readSettings(s, companyId);
  }));
  r.patch(`${base}/settings`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'settings.edit');
    const patch = parse(companySettingsPatchSchema, req.body ?? {}, 'settings');
    return updateSettings(s, currentUser(res), companyId, patch);
  }));
  r.get(`${base}/settings/automatic-requests`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'settings.view');
    return automaticProblems(s, companyId);
  }));
  r.get(`${base}/settings/procore-grant`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'settings.view');
    return readProcoreGrant(s, companyId);
  }));
  r.put(`${base}/settings/procore-grant`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'serviceAccount.connect');
    parse(connectProcoreGrantSchema, req.body ?? {}, 'grant');
    return connectProcoreGrant(s, currentUser(res), companyId);
  }));
  r.delete(`${base}/settings/procore-grant`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'serviceAccount.connect');
    return disconnectProcoreGrant(s, companyId);
  }));
  return r;
}

