import { renderSubEmail, scopeWords as scope, type RenderedEmail } from './email-frame';

// The renewal email: which policies on the certificate we hold expire soon, and the personal
// link to send the renewed certificate on.

export interface RenewalEmailInput {
  gcName: string;
  vendorName: string;
  projectName: string | null;
  policies: { line: string; policyNumber: string | null; expiresOn: string }[];
  link: string;
  linkExpiresOn: string;
}

export function renderRenewalEmail(i: RenewalEmailInput): RenderedEmail {
  const subject = `${i.gcName}: your insurance ${scope(i.projectName)} expires soon; please send the renewed certificate`;
  const opening = `Your certificate of insurance ${scope(i.projectName)} is on file. These policies on it expire soon:`;
  const lines = i.policies.map((p) => `${p.line}${p.policyNumber ? `, policy ${p.policyNumber}` : ''}: expires ${p.expiresOn}`);
  const ask = 'Please ask your insurance agent for the renewed certificate and upload it before then, so your work is not held up.';
  const closing = `No account or password is needed; the link works until ${i.linkExpiresOn}.`;
  return renderSubEmail({
    subject,
    gcName: i.gcName,
    vendorName: i.vendorName,
    blocks: [opening, lines, ask, closing],
    link: i.link,
    action: 'Upload the renewed certificate',
  });
}
