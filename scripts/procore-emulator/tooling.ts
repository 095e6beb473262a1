import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Faults } from './faults';
import { fieldErrors } from './insurance-input';
import { renderMailbox } from './mailbox-page';
import { createCommitment, createVendor } from './mutations';
import type { RestDeps } from './rest-deps';
import { USER_ADMIN } from './seed-people';
import { revokeToken } from './oauth';
import { summarizeState } from './state-summary';
import { commitmentStatuses, type MailItem } from './types';

// /__emulator: test and demo tooling. Inputs are validated; bad input gets 400 with the reasons.

export type MailSource = () => Promise<MailItem[]> | MailItem[];

const vendorInput = z.object({
  company_id: z.coerce.number().int().positive(),
  project_id: z.coerce.number().int().positive().nullish(),
  name: z.string().trim().min(1),
  trade: z.string().trim().min(1).nullish(),
  email: z.string().trim().nullish(),
});

const commitmentInput = z.object({
  project_id: z.coerce.number().int().positive(),
  vendor_id: z.coerce.number().int().positive(),
  kind: z.enum(['work_order', 'purchase_order']),
  title: z.string().trim().min(1).optional(),
  grand_total: z.coerce.number().nonnegative().optional(),
  status: z.enum(commitmentStatuses).optional(),
});

const membershipInput = z.object({
  user_id: z.coerce.number().int().positive(),
  company_id: z.coerce.number().int().positive(),
  /** Takes the user out of the company (as if removed from its Directory). */
  remove: z.boolean().optional(),
  permission_template_id: z.coerce.number().int().positive().optional(),
  is_insurance_manager: z.boolean().optional(),
  is_company_admin: z.boolean().optional(),
  project_ids: z.array(z.coerce.number().int().positive()).optional(),
});

/** Changes a user's place in a company the way a Procore admin would (remove, template, flags, projects). */
function postMembership(deps: RestDeps, req: Request, res: Response): void {
  const parsed = membershipInput.safeParse(req.body ?? {});
  if (!parsed.success) return bad(res, 'Invalid membership', fieldErrors(parsed.error));
  const input = parsed.data;
  const user = deps.state.users.find((u) => u.id === input.user_id);
  if (!user) return bad(res, `Unknown user_id ${input.user_id}`);
  const membership = user.memberships.find((m) => m.company_id === input.company_id);
  if (!membership) return bad(res, `User ${input.user_id} is not in company ${input.company_id}`);
  if (input.remove) {
    user.memberships = user.memberships.filter((m) => m !== membership);
    return void res.json({ removed: true });
  }
  if (input.permission_template_id !== undefined) {
    if (!deps.state.templates.some((t) => t.id === input.permission_template_id && t.company_id === input.company_id)) {
      return bad(res, `permission_template_id ${input.permission_template_id} is not a template of company ${input.company_id}`);
    }
    membership.permission_template_id = input.permission_template_id;
  }
  if (input.is_insurance_manager !== undefined) membership.is_insurance_manager = input.is_insurance_manager;
  if (input.is_company_admin !== undefined) membership.is_company_admin = input.is_company_admin;
  if (input.project_ids !== undefined) membership.project_ids = input.project_ids;
  res.json({ ...membership });
}

const faultInput = z.object({
  path_prefix: z.string().startsWith('/'),
  status: z.coerce.number().int().min(400).max(599),
  count: z.coerce.number().int().positive().default(1),
  retry_after: z.coerce.number().int().nonnegative().optional(),
});

function bad(res: Response, message: string, details?: Record<string, string[]>): void {
  res.status(400).json({ error: message, details: details ?? {} });
}

function postVendor(deps: RestDeps, req: Request, res: Response): void {
  const parsed = vendorInput.safeParse(req.body ?? {});
  if (!parsed.success) return bad(res, 'Invalid vendor', fieldErrors(parsed.error));
  const input = parsed.data;
  const { state } = deps;
  if (!state.companies.some((c) => c.id === input.company_id)) return bad(res, `Unknown company_id ${input.company_id}`);
  const project = input.project_id ? state.projects.find((p) => p.id === input.project_id) : undefined;
  if (input.project_id && project?.company_id !== input.company_id) return bad(res, `project_id ${input.project_id} is not a project of company ${input.company_id}`);
  if (input.trade && !state.trades.some((t) => t.name.toLowerCase() === input.trade?.toLowerCase())) {
    return bad(res, `Unknown trade "${input.trade}". Known: ${state.trades.map((t) => t.name).join(', ')}`);
  }
  const vendor = createVendor(deps, { ...input, user_id: USER_ADMIN });
  res.status(201).json({ id: vendor.id, name: vendor.name, company_id: vendor.company_id, project_id: input.project_id ?? null, email_address: vendor.email_address });
}

function postCommitment(deps: RestDeps, req: Request, res: Response): void {
  const parsed = commitmentInput.safeParse(req.body ?? {});
  if (!parsed.success) return bad(res, 'Invalid commitment', fieldErrors(parsed.error));
  const input = parsed.data;
  const project = deps.state.projects.find((p) => p.id === input.project_id);
  if (!project) return bad(res, `Unknown project_id ${input.project_id}`);
  const vendor = deps.state.vendors.get(input.vendor_id);
  if (!vendor || vendor.company_id !== project.company_id) return bad(res, `vendor_id ${input.vendor_id} is not in the directory of company ${project.company_id}`);
  const commitment = createCommitment(deps, { ...input, company_id: project.company_id, user_id: USER_ADMIN });
  res.status(201).json({ ...commitment });
}

async function readMail(source: MailSource | undefined): Promise<MailItem[]> {
  const items = source ? await source() : [];
  return [...items].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

function tokenRoutes(router: Router, deps: RestDeps): void {
  router.post('/tokens/expire', (req, res) => {
    const accessToken: unknown = (req.body as Record<string, unknown> | undefined)?.access_token;
    if (accessToken !== undefined && typeof accessToken !== 'string') return bad(res, 'access_token must be a string');
    const targets = accessToken ? [deps.state.tokens.get(accessToken)].filter((t) => t !== undefined) : [...deps.state.tokens.values()];
    if (accessToken && targets.length === 0) return bad(res, 'Unknown access_token');
    for (const token of targets) token.expires_at = Date.now() - 1000;
    res.json({ expired: targets.length });
  });
  router.post('/tokens/revoke-all', (_req, res) => {
    const tokens = [...deps.state.tokens.values()];
    for (const token of tokens) revokeToken(deps.state, token);
    res.json({ revoked: tokens.length });
  });
}

export function toolingRouter(deps: RestDeps, faults: Faults, mail: MailSource | undefined): Router {
  const router = express.Router();
  router.get('/state', (_req, res) => {
    res.json({ ...summarizeState(deps.state), faults: faults.list() });
  });
  router.post('/vendors', (req, res) => postVendor(deps, req, res));
  router.post('/commitments', (req, res) => postCommitment(deps, req, res));
  router.post('/memberships', (req, res) => postMembership(deps, req, res));
  tokenRoutes(router, deps);
  router.post('/faults', (req, res) => {
    const parsed = faultInput.safeParse(req.body ?? {});
    if (!parsed.success) return bad(res, 'Invalid fault', fieldErrors(parsed.error));
    res.status(201).json(faults.add({ ...parsed.data, retry_after: parsed.data.retry_after ?? null }));
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.json({ cleared: true });
  });
  router.get('/mail', async (_req, res) => {
    res.json(await readMail(mail));
  });
  router.get('/mailbox', async (_req, res) => {
    res.type('html').send(renderMailbox(await readMail(mail), [...deps.state.sms.messages].reverse()));
  });
  return router;
}
