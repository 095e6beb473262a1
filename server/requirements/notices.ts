import type { Knex } from 'knex';
import type { Services } from '../services';
import type { Verdict } from '../compliance/types';
import { renderDeficiencyEmail } from '../notifications/deficiency-template';
import { renderUnreadableEmail } from '../notifications/unreadable-template';
import { renderRenewalEmail } from '../notifications/renewal-template';
import { queueEmail } from '../notifications/outbox';
import { createUploadLink, currentLinkToken, extendUploadLinks } from '../portal/links';
import { getSettings } from '../requests/settings';
import { systemActor } from '../requests/timeline';
import type { EvaluatedRequest } from './evaluation-repository';
import { deficiencyMessages, longDate } from './findings';

// Telling the sub what to fix. The notice carries the request's own upload link (kept alive
// for another link period) so the corrected certificate arrives on the same request.

export const complianceActor = systemActor('Compliance check');

async function liveLink(s: Services, trx: Knex.Transaction, r: EvaluatedRequest): Promise<{ token: string; expiresAt: Date }> {
  const { linkTtlDays } = await getSettings(trx, r.companyId);
  const token = await currentLinkToken(trx, s.sealer, r.id);
  if (token) return { token, expiresAt: await extendUploadLinks(trx, r.id, linkTtlDays) };
  // A request opened by the compliance check itself (a project's own requirements) has no link yet.
  const created = await createUploadLink(trx, s.sealer, { companyId: r.companyId, requestId: r.id, ttlDays: linkTtlDays });
  return { token: created, expiresAt: new Date(Date.now() + linkTtlDays * 86_400_000) };
}

/** The verdict a deficiency email told the sub, from its dedupe key ("deficiency:<id>", "review:<id>:…"); null for notes. */
export function noticeVerdictId(dedupeKey: string): string | null {
  return /^(?:deficiency|review):([0-9a-f-]{36})(?::|$)/.exec(dedupeKey)?.[1] ?? null;
}

/**
 * Queues the deficiency email of one verdict; the email id, or null if already queued. The dedupe
 * key is the verdict ("deficiency:<id>"), unless the caller gives one of the same "review:<id>:…" family.
 */
export async function queueDeficiencyEmail(
  s: Services,
  trx: Knex.Transaction,
  r: EvaluatedRequest,
  v: { id: string; verdict: Verdict; dedupeKey?: string },
  annualCertificate = false,
): Promise<string | null> {
  const link = await liveLink(s, trx, r);
  const email = renderDeficiencyEmail({
    gcName: r.gcName,
    vendorName: r.vendorName,
    projectName: r.projectName,
    deficiencies: deficiencyMessages(v.verdict),
    link: `${s.config.appUrl}/portal/${link.token}`,
    linkExpiresOn: longDate(link.expiresAt),
    annualCertificate,
  });
  const cc = r.brokerEmail && r.brokerEmail.toLowerCase() !== r.recipientEmail.toLowerCase() ? [r.brokerEmail] : [];
  return queueEmail(
    trx,
    {
      companyId: r.companyId,
      requestId: r.id,
      kind: 'deficiency',
      dedupeKey: v.dedupeKey ?? `deficiency:${v.id}`,
      fromName: r.gcName,
      to: [r.recipientEmail],
      cc,
      ...email,
    },
    complianceActor,
  );
}

/**
 * Queues the email asking the sub for a normal PDF after a file of theirs could not be read
 * safely; the email id, or null if already queued for this document.
 */
export async function queueUnreadableEmail(s: Services, trx: Knex.Transaction, r: EvaluatedRequest, doc: { id: string; filename: string }): Promise<string | null> {
  const link = await liveLink(s, trx, r);
  const email = renderUnreadableEmail({
    gcName: r.gcName,
    vendorName: r.vendorName,
    projectName: r.projectName,
    filename: doc.filename,
    link: `${s.config.appUrl}/portal/${link.token}`,
    linkExpiresOn: longDate(link.expiresAt),
  });
  const cc = r.brokerEmail && r.brokerEmail.toLowerCase() !== r.recipientEmail.toLowerCase() ? [r.brokerEmail] : [];
  return queueEmail(
    trx,
    { companyId: r.companyId, requestId: r.id, kind: 'unreadable', dedupeKey: `unreadable:${doc.id}`, fromName: r.gcName, to: [r.recipientEmail], cc, ...email },
    complianceActor,
  );
}

/** Queues the renewal email for one certificate's expiring policies (once per certificate); the email id, or null if already queued. */
export async function queueRenewalEmail(
  s: Services,
  trx: Knex.Transaction,
  r: EvaluatedRequest,
  documentId: string,
  policies: { line: string; policyNumber: string | null; expiresOn: string }[],
): Promise<string | null> {
  const link = await liveLink(s, trx, r);
  const email = renderRenewalEmail({
    gcName: r.gcName,
    vendorName: r.vendorName,
    projectName: r.projectName,
    policies,
    link: `${s.config.appUrl}/portal/${link.token}`,
    linkExpiresOn: longDate(link.expiresAt),
  });
  const cc = r.brokerEmail && r.brokerEmail.toLowerCase() !== r.recipientEmail.toLowerCase() ? [r.brokerEmail] : [];
  return queueEmail(
    trx,
    { companyId: r.companyId, requestId: r.id, kind: 'renewal', dedupeKey: `renewal:${r.id}:${documentId}`, fromName: r.gcName, to: [r.recipientEmail], cc, ...email },
    complianceActor,
  );
}
