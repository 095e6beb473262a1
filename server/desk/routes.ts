import { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema, projectParamsSchema } from '../contracts/directory';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { registerQuerySchema } from '../contracts/desk';
import { fullReviewQueue, overview } from './service';
import { vendorHistory } from './history';
import { sendProjectReport } from './report-pdf';
import { procoreId } from '../contracts/api';
import { readPayHolds, readRegister, sendPayHoldsCsv, sendRegisterCsv, sendRegisterXlsx } from './register';

// The compliance manager's desk: the overview (company and project) and the review queue.

export function deskRoutes(s: Services): Router {
  const r = Router();
  const company = '/api/companies/:companyId';
  const project = `${company}/projects/:projectId`;
  r.use('/api/companies', requireUser(s.db));

  r.get(`${company}/overview`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return overview(s, currentUser(res), { companyId, projectId: null });
  }));
  r.get(`${project}/overview`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return overview(s, currentUser(res), { companyId, projectId });
  }));
  r.get(`${company}/review-queue`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    return fullReviewQueue(s, currentUser(res), { companyId, projectId: null });
  }));
  r.get(`${project}/review-queue`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return fullReviewQueue(s, currentUser(res), { companyId, projectId });
  }));
  r.get(`${company}/vendors/:vendorId/history`, handle(async (req, res) => {
    const { companyId, vendorId } = parse(companyParamsSchema.extend({ vendorId: procoreId }), req.params, 'vendor');
    return vendorHistory(s, currentUser(res), companyId, vendorId);
  }));
  r.get(`${project}/report.pdf`, (req, res, next) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    sendProjectReport(s, currentUser(res), companyId, projectId, res).catch((err: unknown) => {
      if (!res.headersSent) return next(err);
      s.log.error({ err, companyId, projectId }, 'project report broke off');
      res.destroy(err instanceof Error ? err : new Error('report failed'));
    });
  });
  r.get(`${project}/pay-app-holds`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    return readPayHolds(s, currentUser(res), companyId, projectId);
  }));
  r.get(`${project}/pay-app-holds.csv`, handle(async (req, res) => {
    const { companyId, projectId } = parse(projectParamsSchema, req.params, 'project');
    await sendPayHoldsCsv(s, currentUser(res), companyId, projectId, res);
  }));
  for (const [path, scoped] of [[company, false], [project, true]] as const) {
    const scopeOf = (params: unknown) => {
      if (!scoped) return { companyId: parse(companyParamsSchema, params, 'company').companyId, projectId: null };
      const p = parse(projectParamsSchema, params, 'project');
      return { companyId: p.companyId, projectId: p.projectId };
    };
    r.get(`${path}/register`, handle(async (req, res) => readRegister(s, currentUser(res), scopeOf(req.params), parse(registerQuerySchema, req.query, 'register filter'))));
    for (const [ext, send] of [['csv', sendRegisterCsv], ['xlsx', sendRegisterXlsx]] as const) {
      r.get(`${path}/register.${ext}`, (req, res, next) => {
        const scope = scopeOf(req.params);
        const { offset: _offset, limit: _limit, ...filter } = parse(registerQuerySchema, req.query, 'register filter');
        send(s, currentUser(res), scope, filter, res).catch((err: unknown) => {
          if (!res.headersSent) return next(err);
          s.log.error({ err, companyId: scope.companyId }, 'register export broke off');
          res.destroy(err instanceof Error ? err : new Error('export failed'));
        });
      });
    }
  }
  return r;
}
