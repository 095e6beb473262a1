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
import { readSettings, updateSettings } from './company-settings';
import { connectProcoreGrant, disconnectProcoreGrant, readProcoreGrant } from './procore-grant';
import { unarchiveRequest } from './unarchive';

const commitmentParams = projectParamsSchema.extend({ commitmentId: procoreId });

export function requestRoutes(s: Services): Router {
  const r = Router();
  const base = '/api/companies/:companyId';
  r.use('/api/companies', requireUser(s.db));

  r.post(`${base}/projects/:projectId/requests`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return requestForProject(s, currentUser(res), companyId, projectId, parse(createRequestsSchema, req.body, 'request'));
  }));
  r.post(`${base}/requests`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return requestGlobal(s, currentUser(res), companyId, parse(createRequestsSchema, req.body, 'request'));
  }));
  r.get(`${base}/projects/:projectId/commitments`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return { commitments: await commitmentsToRequest(s, currentUser(res), companyId, projectId) };
  }));
  r.post(`${base}/projects/:projectId/commitments/:commitmentId/request`, handle(async (req, res) => {
    const { companyId, projectId, commitmentId } = parse(commitmentParams, req.params, 'commitment');
    const body = parse(requestFromCommitmentSchema.omit({ commitmentId: true }), req.body ?? {}, 'request');
    return requestCommitmentByUser(s, currentUser(res), companyId, projectId, commitmentId, body.email);
  }));
  r.get(`${base}/requests/:requestId`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return requestDetail(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${base}/requests/:requestId/cancel`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return cancelRequest(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${base}/requests/:requestId/archive`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return archiveRequest(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${base}/requests/:requestId/unarchive`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return unarchiveRequest(s, currentUser(res), companyId, requestId);
  }));
  r.delete(`${base}/requests/:requestId`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    const { reason } = parse(deleteRequestSchema, req.body ?? {}, 'deletion');
    return deleteRequest(s, currentUser(res), companyId, requestId, reason);
  }));
  r.get(`${base}/settings`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return readSettings(s, currentUser(res), companyId);
  }));
  r.patch(`${base}/settings`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return updateSettings(s, currentUser(res), companyId, parse(companySettingsPatchSchema, req.body ?? {}, 'settings'));
  }));
  r.get(`${base}/settings/procore-grant`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return readProcoreGrant(s, currentUser(res), companyId);
  }));
  r.put(`${base}/settings/procore-grant`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    parse(connectProcoreGrantSchema, req.body ?? {}, 'grant');
    return connectProcoreGrant(s, currentUser(res), companyId);
  }));
  r.delete(`${base}/settings/procore-grant`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return disconnectProcoreGrant(s, currentUser(res), companyId);
  }));
  return r;
}

