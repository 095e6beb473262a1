import type { Knex } from 'knex';
import type { Services } from '../services';
import { renderDeficiencyEmail } from '../notifications/deficiency-template';
import { queueEmail } from '../notifications/outbox';
import { createUploadLink, currentLinkToken, extendUploadLinks } from '../portal/links';
import { getSettings } from '../requests/settings';
import type { Actor } from '../requests/timeline';
import type { EvaluatedRequest } from '../requirements/evaluation-repository';
import { longDate } from '../requirements/findings';

// A compliance manager's note to the sub: the deficiency email with the manager's words on top,
// carrying the request's own upload link (kept alive for another link period) so the next
// certificate lands on the same request.

async function uploadLink(s: Services, trx: Knex.Transaction, r: EvaluatedRequest): Promise<{ token: string; expiresAt: Date }> {
  const { linkTtlDays } = await getSettings(trx, r.companyId);
  const token = await currentLinkToken(trx, s.sealer, r.id);
  if (token) return { token, expiresAt: await extendUploadLinks(trx, r.id, linkTtlDays) };
  const created = await createUploadLink(trx, s.sealer, { companyId: r.companyId, requestId: r.id, ttlDays: linkTtlDays });
  return { token: created, expiresAt: new Date(Date.now() + linkTtlDays * 86_400_000) };
}

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Queues the note (each note is its own email); its id. */
export async function queueNote(
  s: Services,
  trx: Knex.Transaction,
  r: EvaluatedRequest,
  n: { key: string; message: string; from: Actor; deficiencies: string[] },
): Promise<string> {
  const link = await uploadLink(s, trx, r);
  const email = renderDeficiencyEmail({
    gcName: r.gcName,
    vendorName: r.vendorName,
    projectName: r.projectName,
    deficiencies: [...new Set(n.deficiencies)],
    link: `${s.config.appUrl}/portal/${link.token}`,
    linkExpiresOn: longDate(link.expiresAt),
  });
  const note = `A note from ${n.from.label} (${r.gcName}):\n${n.message}`;
  const cc = r.brokerEmail && r.brokerEmail.toLowerCase() !== r.recipientEmail.toLowerCase() ? [r.brokerEmail] : [];
  const id = await queueEmail(
    trx,
    {
      companyId: r.companyId,
      requestId: r.id,
      kind: 'deficiency',
      dedupeKey: `note:${n.key}`,
      fromName: r.gcName,
      to: [r.recipientEmail],
      cc,
      subject: email.subject,
      text: `${note}\n\n${email.text}`,
      html: email.html.replace(/(<body[^>]*>)/, `$1\n<p style="white-space:pre-wrap">${esc(note)}</p>`),
    },
    n.from,
  );
  // The key is new for every note, so the outbox always takes it.
  return id!;
}
