import { emailButton, emailPage, esc } from './frame';

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
  const html = emailPage(`<p>Hello ${esc(i.vendorName)},</p>
<p>${esc(opening)}</p>
<p>The certificate should show:</p>
<ul>${i.requirements.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
<p>${esc(closing)}</p>
${emailButton(i.link, 'Upload your certificate')}
<p>Thank you,<br>${esc(i.gcName)}</p>`);
  return { subject, text, html };
}

