import { Router, type Request, type Response, type NextFunction } from 'express';
import { z } from 'zod';
import type { Services } from '../services';
import { hashToken, randomToken, sameHash } from '../auth/crypto';
import { hookSchema } from '../procore/records';
import type { ProcoreClient } from '../procore/client';

// Procore webhooks: we register a hook per company (with a random secret Procore echoes in the
// Authorization header) and its triggers, and the receiver stores each event, enqueues it and
// answers at once.

export const webhookPath = '/webhooks/procore';
export const commitmentResources = ['Work Order Contracts', 'Purchase Order Contracts'] as const;
/** A vendor added to a project directory (procore-platform.md section 4). */
export const projectVendorResource = 'Project Vendors';

const triggerSchema = z.looseObject({ resource_name: z.string(), event_type: z.string() });

/**
 * Our company hook, with a `create` trigger for each resource named: registered (with a random
 * secret Procore echoes in the Authorization header) when the company has none yet, else given
 * the triggers it lacks. The secret's hash is returned only for a new hook.
 */
export async function ensureHook(
  s: Services,
  procore: ProcoreClient,
  companyId: string,
  existingHookId: string | null,
  resources: readonly string[],
): Promise<{ hookId: string; secretHash: Buffer | null }> {
  const scope = { company_id: Number(companyId) };
  let hookId = existingHookId;
  let secretHash: Buffer | null = null;
  let have = new Set<string>();
  if (!hookId) {
    const secret = randomToken();
    const hook = await procore.write('POST', '/rest/v1.0/webhooks/hooks', hookSchema, {
      companyId,
      body: {
        ...scope,
        hook: { api_version: 'v2', namespace: 'coi-compliance', destination_url: `${s.config.appUrl}${webhookPath}`, destination_headers: { Authorization: `Bearer ${secret}` } },
      },
    });
    hookId = hook.id;
    secretHash = hashToken(secret);
  } else {
    const triggers = await procore.getAll(`/rest/v1.0/webhooks/hooks/${hookId}/triggers`, triggerSchema, { companyId, query: scope, perPage: 100 });
    have = new Set(triggers.filter((t) => t.event_type === 'create').map((t) => t.resource_name));
  }
  for (const resource_name of resources) {
    if (have.has(resource_name)) continue;
    await procore.write('POST', `/rest/v1.0/webhooks/hooks/${hookId}/triggers`, z.looseObject({}), {
      companyId,
      body: { ...scope, api_version: 'v2', trigger: { resource_name, event_type: 'create' } },
    });
  }
  return { hookId, secretHash };
}

const idLike = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).transform(String);
export const webhookEventSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).transform(String),
  ulid: z.string().optional(),
  company_id: idLike,
  project_id: idLike.nullable().optional(),
  resource_name: z.string().min(1),
  resource_id: idLike,
  event_type: z.enum(['create', 'update', 'delete']),
  metadata: z.looseObject({ source_application_id: z.string().nullable().optional() }).optional(),
});

export function webhookRoutes(s: Services): Router {
  const r = Router();
  r.post(webhookPath, (req: Request, res: Response, next: NextFunction) => {
    receive(s, req, res).catch(next);
  });
  return r;
}

async function receive(s: Services, req: Request, res: Response): Promise<void> {
  const parsed = webhookEventSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: { code: 'invalid_input', message: 'Not a Procore webhook event.' } });
    return;
  }
  const e = parsed.data;
  const presented = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
  const settings = (await s.db('company_settings').where({ company_id: e.company_id }).first('webhook_secret_hash')) as { webhook_secret_hash: Buffer | null } | undefined;
  if (!presented || !settings?.webhook_secret_hash || !sameHash(hashToken(presented), settings.webhook_secret_hash)) {
    res.status(401).json({ error: { code: 'not_signed_in', message: 'Unknown webhook sender.' } });
    return;
  }
  // Skip events caused by our own writes to Procore.
  if (s.config.procore && e.metadata?.source_application_id === s.config.procore.clientId) {
    res.status(202).json({ data: { ignored: true } });
    return;
  }
  const eventId = e.ulid ?? e.id;
  const inserted = await s.db('webhook_events')
    .insert({ event_id: eventId, company_id: e.company_id, resource_name: e.resource_name, event_type: e.event_type, resource_id: e.resource_id, project_id: e.project_id ?? null, payload: JSON.stringify(req.body) })
    .onConflict('event_id')
    .ignore()
    .returning('event_id');
  if (inserted.length) await s.enqueue('procore-event', { eventId });
  res.status(202).json({ data: { accepted: true, duplicate: inserted.length === 0 } });
}
