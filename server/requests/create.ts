import type { Knex } from 'knex';
import type { Services } from '../services';
import type { CreateRequestsResult, RequestOrigin } from '../contracts/requests';
import { isValidEmail } from '../directory/service';
import { createUploadLink } from '../portal/links';
import { renderRequestEmail } from '../notifications/templates';
import { requirementWording } from '../requirements/wording';
import { queueEmail } from '../notifications/outbox';
import { sendEmailRetries } from '../jobs/send-email';
import { addEvent, type Actor } from './timeline';
import { getSettings } from './settings';
import { insertRequests, requestQuery, toSummary } from './repository';
import { wantWriteBack } from '../sync/writeback-intents';

// Creating requests in bulk: one transaction writes the requests, their upload links, their
// emails (to the outbox) and their timeline; emails are sent by the queue afterwards.

export interface Candidate {
  vendorId: string;
  name: string;
  email: string | null;
  commitmentId?: string | null;
}

export interface CreateInput {
  companyId: string;
  companyName: string;
  project: { id: string; name: string } | null;
  origin: RequestOrigin;
  /** What the timeline says about how the request came about, when not the origin's usual words. */
  how?: string;
  actor: Actor;
  candidates: Candidate[];
}

const originLabel: Record<RequestOrigin, string> = {
  click: 'requested from the project directory',
  global: 'global (annual) request from the company directory',
  commitment: 'requested from a commitment',
  automatic: 'requested automatically when the commitment was created in Procore',
};

export async function createRequests(s: Services, input: CreateInput, alreadyActive: Set<string>): Promise<CreateRequestsResult> {
  const skipped: CreateRequestsResult['skipped'] = [];
  const ready: Candidate[] = [];
  for (const c of input.candidates) {
    if (alreadyActive.has(c.vendorId)) {
      skipped.push({ vendorId: c.vendorId, reason: 'already_requested', message: `${c.name} already has an open request.` });
    } else if (!c.email) {
      skipped.push({ vendorId: c.vendorId, reason: 'missing_email', message: `${c.name} has no email address; add one to request.` });
    } else if (!isValidEmail(c.email)) {
      skipped.push({ vendorId: c.vendorId, reason: 'invalid_email', message: `${c.name}'s email address "${c.email}" is not valid; fix it to request.` });
    } else {
      ready.push(c);
    }
  }
  const settings = await getSettings(s.db, input.companyId);
  const { ids, emailIds } = await s.db.transaction((trx) => writeRequests(s, trx, input, ready, settings.linkTtlDays));
  if (emailIds.length) await s.enqueueMany('send-email', emailIds.map((emailId) => ({ emailId })), sendEmailRetries);
  const createdIds = new Set(ids.map((r) => r.id));
  for (const c of ready) {
    if (!ids.some((r) => r.vendor_id === c.vendorId)) {
      skipped.push({ vendorId: c.vendorId, reason: 'already_requested', message: `${c.name} already has an open request.` });
    }
  }
  const rows = createdIds.size ? await requestQuery(s.db, input.companyId).whereIn('r.id', [...createdIds]).orderBy('v.name') : [];
  return { created: rows.map(toSummary), skipped };
}

async function writeRequests(s: Services, trx: Knex.Transaction, input: CreateInput, ready: Candidate[], ttlDays: number) {
  const ids = await insertRequests(
    trx,
    ready.map((c) => ({
      companyId: input.companyId,
      vendorId: c.vendorId,
      projectId: input.project?.id ?? null,
      origin: input.origin,
      commitmentId: c.commitmentId ?? null,
      recipientEmail: c.email!.toLowerCase(),
      requestedBy: input.actor.userId,
    })),
  );
  const byVendor = new Map(ready.map((c) => [c.vendorId, c]));
  const wording = await requirementWording(
    trx,
    { companyId: input.companyId, projectId: input.project?.id ?? null, projectName: input.project?.name ?? null },
    ids.map((r) => r.vendor_id),
  );
  const emailIds: string[] = [];
  const expires = new Date(Date.now() + ttlDays * 86_400_000).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
  for (const { id, vendor_id } of ids) {
    const c = byVendor.get(vendor_id)!;
    await addEvent(trx, {
      companyId: input.companyId,
      requestId: id,
      kind: 'requested',
      actor: input.actor,
      data: { origin: input.origin, how: input.how ?? originLabel[input.origin], projectId: input.project?.id ?? null, commitmentId: c.commitmentId ?? null },
    });
    // Procore shows the request at once: a "Certificate of insurance" record, in progress.
    await wantWriteBack(trx, input.companyId, id);
    const token = await createUploadLink(trx, s.sealer, { companyId: input.companyId, requestId: id, ttlDays });
    const email = renderRequestEmail({
      gcName: input.companyName,
      vendorName: c.name,
      projectName: input.project?.name ?? null,
      link: `${s.config.appUrl}/portal/${token}`,
      linkExpiresOn: expires,
      requirements: wording(vendor_id),
    });
    const emailId = await queueEmail(
      trx,
      { companyId: input.companyId, requestId: id, kind: 'request', dedupeKey: `request:${id}`, fromName: input.companyName, to: [c.email!], cc: [], ...email },
      input.actor,
    );
    if (emailId) emailIds.push(emailId);
  }
  return { ids, emailIds };
}
