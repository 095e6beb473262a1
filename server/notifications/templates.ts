// Emails to subcontractors: plain language, what is needed for which project, a personal link.
// Rendered as text and as simple HTML (inline styles: mail clients ignore stylesheets).

export interface RequestEmailInput {
  gcName: string;
  vendorName: string;
  projectName: string | null;
  link: string;
  linkExpiresOn: string;
  requirements: string[];
  reminderNumber?: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function scope(projectName: string | null): string {
  return projectName ? `for ${projectName}` : 'for all of our projects (an annual certificate)';
}

export function renderRequestEmail(i: RequestEmailInput): RenderedEmail {
  const reminder = i.reminderNumber !== undefined;
  const subject = reminder
    ? `Reminder: certificate of insurance needed ${scope(i.projectName)}`
    : `${i.gcName} needs your certificate of insurance ${scope(i.projectName)}`;
  const opening = reminder
    ? `We still need a current certificate of insurance from ${i.vendorName} ${scope(i.projectName)}.`
    : `${i.gcName} needs a current certificate of insurance (ACORD 25) from ${i.vendorName} ${scope(i.projectName)}.`;
  const closing = `Upload it, with any endorsement pages, at your personal link below. No account or password is needed; the link works until ${i.linkExpiresOn}. If your insurance agent or broker handles certificates, you can forward this email to them.`;
  const text = [
    `Hello ${i.vendorName},`,
    '',
    opening,
    '',
    'The certificate should show:',
    ...i.requirements.map((r) => `- ${r}`),
    '',
    closing,
    '',
    i.link,
    '',
    `Thank you,`,
    i.gcName,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#232729;font-size:15px;line-height:1.5">
<p>Hello ${esc(i.vendorName)},</p>
<p>${esc(opening)}</p>
<p>The certificate should show:</p>
<ul>${i.requirements.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
<p>${esc(closing)}</p>
<p><a href="${esc(i.link)}" style="display:inline-block;background:#f47e42;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">Upload your certificate</a></p>
<p style="font-size:13px;color:#6a767c">Or copy this link: ${esc(i.link)}</p>
<p>Thank you,<br>${esc(i.gcName)}</p>
</body></html>`;
  return { subject, text, html };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
