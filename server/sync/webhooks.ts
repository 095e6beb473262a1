import { Router, type Request, type Response, type NextFunction } from 'express';
import { z } from 'zod';
import type { Services } from '../services';
import { hashToken, randomToken, sameHash } from '../auth/crypto';
import { hookSchema } from '../procore/records';
import type { ProcoreClient } from '../procore/client';

// Procore webhooks: we register a hook per company (with a random secret Procore echoes in the
// Authorization header), and the receiver stores each event, enqueues it and answers at once.

export const webhookPath = '/webhooks/procore';
export const commitmentResources = ['Work Order Contracts', 'Purchase Order Contracts'] as const;

export async function registerCommitmentHook(s: Services, procore: ProcoreClient, companyId: string): Promise<{ hookId: string; secretHash: Buffer }> {
  const secret = randomToken();
  const hook = await procore.write('POST', '/rest/v1.0/webhooks/hooks', hookSchema, {
    companyId,
    body: {
      company_id: Number(companyId),
      hook: {
        api_version: 'v2',
        namespace: 'coi-compliance',
        destination_url: `${s.config.appUrl}${webhookPath}`,
        destination_headers: { Authorization: `Bearer ${secret}` },
      },
    },
  });
  for (const resource_name of commitmentResources) {
    await procore.write('POST', `/rest/v1.0/webhooks/hooks/${hook.id}/triggers`, z.looseObject({}), {
      companyId,
      body: { company_id: Number(companyId), api_version: 'v2', trigger: { resource_name, event_type: 'create' } },
    });
  }
  return { hookId: hook.id, secretHash: hashToken(secret) };
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
