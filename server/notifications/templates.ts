import { renderSubEmail, type RenderedEmail } from './email-frame';

// The request email: plain language, what is needed for which project, a personal link.

export type { RenderedEmail };

export interface RequestEmailInput {
  gcName: string;
  vendorName: string;
  projectName: string | null;
  link: string;
  linkExpiresOn: string;
  requirements: string[];
  reminderNumber?: number;
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
  return renderSubEmail({
    subject,
    gcName: i.gcName,
    vendorName: i.vendorName,
    blocks: [opening, 'The certificate should show:', i.requirements, closing],
    link: i.link,
    action: 'Upload your certificate',
  });
}
