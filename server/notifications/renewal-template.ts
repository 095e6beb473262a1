import type { RenderedEmail } from './templates';

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

const scope = (projectName: string | null) => (projectName ? `for ${projectName}` : 'for all of our projects');

export function renderRenewalEmail(i: RenewalEmailInput): RenderedEmail {
  const subject = `${i.gcName}: your insurance ${scope(i.projectName)} expires soon; please send the renewed certificate`;
  const opening = `Your certificate of insurance ${scope(i.projectName)} is on file. These policies on it expire soon:`;
  const lines = i.policies.map((p) => `${p.line}${p.policyNumber ? `, policy ${p.policyNumber}` : ''}: expires ${p.expiresOn}`);
  const ask = 'Please ask your insurance agent for the renewed certificate and upload it before then, so your work is not held up.';
  const closing = `No account or password is needed; the link works until ${i.linkExpiresOn}.`;
  const text = [`Hello ${i.vendorName},`, '', opening, ...lines.map((l) => `- ${l}`), '', ask, '', closing, '', i.link, '', 'Thank you,', i.gcName].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#232729;font-size:15px;line-height:1.5">
<p>Hello ${esc(i.vendorName)},</p>
<p>${esc(opening)}</p>
<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>
<p>${esc(ask)}</p>
<p>${esc(closing)}</p>
<p><a href="${esc(i.link)}" style="display:inline-block;background:#f47e42;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">Upload the renewed certificate</a></p>
<p style="font-size:13px;color:#6a767c">Or copy this link: ${esc(i.link)}</p>
<p>Thank you,<br>${esc(i.gcName)}</p>
</body></html>`;
  return { subject, text, html };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
