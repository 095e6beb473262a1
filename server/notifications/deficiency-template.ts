import type { RenderedEmail } from './templates';

// The email a subcontractor gets when the certificate they sent falls short: from the GC,
// in plain words, every point to fix as the checker wrote it, and the same personal link
// they used before so the corrected certificate lands on the same request.

export interface DeficiencyEmailInput {
  gcName: string;
  vendorName: string;
  projectName: string | null;
  /** One sentence per problem, e.g. "General liability each occurrence is $500,000; at least $1,000,000 is required." */
  deficiencies: string[];
  link: string;
  linkExpiresOn: string;
  /**
   * The sub's annual (all-projects) certificate was accepted in general, but this project has
   * stricter requirements of its own.
   */
  annualCertificate?: boolean;
}

function scope(projectName: string | null): string {
  return projectName ? `for ${projectName}` : 'for all of our projects';
}

function opening(i: DeficiencyEmailInput): string {
  if (i.annualCertificate && i.projectName) {
    return `Your annual certificate of insurance covers our projects in general, but ${i.projectName} has insurance requirements of its own, and the certificate does not meet them yet.`;
  }
  return `Thank you for sending your certificate of insurance ${scope(i.projectName)}. We checked it against our insurance requirements and it does not meet them yet.`;
}

export function renderDeficiencyEmail(i: DeficiencyEmailInput): RenderedEmail {
  const subject = `${i.gcName}: your certificate of insurance ${scope(i.projectName)} needs changes`;
  const ask = 'Please ask your insurance agent or broker for a corrected certificate that fixes the following:';
  const closing = `Upload the corrected certificate, with any endorsement pages, at the same personal link as before. No account or password is needed; the link works until ${i.linkExpiresOn}.`;
  const text = [
    `Hello ${i.vendorName},`,
    '',
    opening(i),
    '',
    ask,
    ...i.deficiencies.map((d) => `- ${d}`),
    '',
    closing,
    '',
    i.link,
    '',
    'Thank you,',
    i.gcName,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#232729;font-size:15px;line-height:1.5">
<p>Hello ${esc(i.vendorName)},</p>
<p>${esc(opening(i))}</p>
<p>${esc(ask)}</p>
<ul>${i.deficiencies.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>
<p>${esc(closing)}</p>
<p><a href="${esc(i.link)}" style="display:inline-block;background:#f47e42;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">Upload the corrected certificate</a></p>
<p style="font-size:13px;color:#6a767c">Or copy this link: ${esc(i.link)}</p>
<p>Thank you,<br>${esc(i.gcName)}</p>
</body></html>`;
  return { subject, text, html };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
