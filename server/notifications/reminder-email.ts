import type { Knex } from 'knex';
import type { Services } from '../services';
import { currentLinkToken, extendUploadLinks } from '../portal/links';
import { findPortalRequest, type PortalRequest } from '../requests/repository';
import { getSettings } from '../requests/settings';
import { requestWording } from '../requirements/wording';
import { renderRequestEmail, type RenderedEmail } from './templates';

export interface ReminderEmail {
  request: PortalRequest;
  link: string;
  email: RenderedEmail;
  /** The timeline's link_extended event data, for the caller to add once the reminder is queued. */
  extended: { until: string; expiresAt: string; reminder: number };
}

/**
 * Reminder `number` of one request, before and after a deficiency notice alike: the upload link is
 * renewed for the company's link lifetime, and the email lists the requirements in force now.
 * Null when the request or its link is gone.
 */
export async function reminderEmail(
  trx: Knex.Transaction,
  s: Services,
  r: { companyId: string; requestId: string; number: number; at: Date },
): Promise<ReminderEmail | null> {
  const token = await currentLinkToken(trx, s.sealer, r.requestId);
  const request = await findPortalRequest(trx, r.requestId);
  if (!token || !request) return null;
  const { linkTtlDays } = await getSettings(trx, r.companyId);
  const expiresAt = await extendUploadLinks(trx, r.requestId, linkTtlDays, r.at);
  const until = expiresAt.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
  const link = `${s.config.appUrl}/portal/${token}`;
  const email = renderRequestEmail({
    gcName: request.gcName,
    vendorName: request.vendorName,
    projectName: request.projectName,
    link,
    linkExpiresOn: until,
    requirements: await requestWording(trx, request),
    reminderNumber: r.number,
  });
  const extended = { until, expiresAt: expiresAt.toISOString(), reminder: r.number };
  return { request, link, email, extended };
}
