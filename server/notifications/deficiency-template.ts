import { renderSubEmail, scopeWords as scope, type RenderedEmail } from './email-frame';

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
  return renderSubEmail({
    subject,
    gcName: i.gcName,
    vendorName: i.vendorName,
    blocks: [opening(i), ask, i.deficiencies, closing],
    link: i.link,
    action: 'Upload the corrected certificate',
  });
}
