import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { RestDeps } from './rest-deps';
import { checkInsuranceWriter, checkProject } from './rest-guard';
import { nowIso } from './store';
import type { Commitment, CommitmentCompliance, CommitmentKind } from './types';
import { bodyObject, param, restContext, sendError, toId } from './http';

// Commitment compliance (procore-platform.md section 3): GET/PATCH
// /projects/{pid}/work_order_contracts|purchase_order_contracts/{id}/compliance.

const complianceStatus = z.enum(['compliant', 'not_compliant', 'not_required']);
const patchSchema = z.strictObject({
  compliance_status: complianceStatus.optional(),
  compliance_notes: z.string().nullable().optional(),
  insurance_status: complianceStatus.optional(),
  insurance_notes: z.string().nullable().optional(),
});

const blank = (): CommitmentCompliance => ({
  compliance_status: 'not_required',
  insurance_status: 'not_required',
  compliance_notes: null,
  insurance_notes: null,
  updated_at: null,
  updated_by_id: null,
});

function serialize(deps: RestDeps, c: Commitment): Record<string, unknown> {
  const compliance = c.compliance ?? blank();
  const documents = [...deps.state.insurances.values()]
    .filter((i) => i.vendor_id === c.vendor_id && (i.project_id === null || i.project_id === c.project_id))
    .map((i) => ({
      id: i.id,
      name: i.insurance_provider,
      insurance_type: i.insurance_type,
      level: i.project_id === null ? 'company' : 'project',
      status: i.status,
      effective_at: i.effective_date,
      expires_at: i.expiration_date,
      attachments: [],
    }));
  return {
    ...compliance,
    derived_insurance_status: compliance.insurance_status,
    derived_compliance_status: compliance.compliance_status,
    insurance_documents: documents,
    compliance_documents: [],
    insurance_requirements_not_created: [],
    compliance_requirements_not_created: [],
  };
}

function find(deps: RestDeps, req: Request, res: Response, kind: CommitmentKind): Commitment | null {
  const project = checkProject(deps.state, res, param(req, 'projectId'));
  if (!project) return null;
  const c = deps.state.commitments.get(toId(param(req, 'id')) ?? 0);
  if (!c || c.project_id !== project.id || c.kind !== kind || c.deleted_at !== null) {
    sendError(res, 404, `Couldn't find commitment with 'id'=${param(req, 'id')}`);
    return null;
  }
  return c;
}

export function complianceRouter(deps: RestDeps): Router {
  const router = express.Router();
  const kinds: [string, CommitmentKind][] = [['work_order_contracts', 'work_order'], ['purchase_order_contracts', 'purchase_order']];
  for (const [path, kind] of kinds) {
    const route = `/projects/:projectId/${path}/:id/compliance`;
    router.get(route, (req, res) => {
      const c = find(deps, req, res, kind);
      if (c) res.json(serialize(deps, c));
    });
    router.patch(route, (req, res) => {
      const c = find(deps, req, res, kind);
      if (!c || !checkInsuranceWriter(res, deps.state.projects.find((p) => p.id === c.project_id)!.company_id)) return;
      const parsed = patchSchema.safeParse(bodyObject(req));
      if (!parsed.success) {
        const errors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? 'base')] ??= []).push(issue.message);
        return sendError(res, 422, 'Validation failed', errors);
      }
      const { user } = restContext(res);
      c.compliance = { ...(c.compliance ?? blank()), ...parsed.data, updated_at: nowIso(), updated_by_id: user.id };
      res.json(serialize(deps, c));
    });
  }
  return router;
}
