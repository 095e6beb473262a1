import { renderSubEmail, scopeWords as scope, type RenderedEmail } from './email-frame';

// The email a subcontractor gets when a file they sent could not be read safely (it stopped
// or overran the certificate reader). It says only what is known: the file could not be
// read, a person will look at it, and a normal PDF or a photo is the quickest way forward.

export interface UnreadableEmailInput {
  gcName: string;
  vendorName: string;
  projectName: string | null;
  filename: string;
  link: string;
  linkExpiresOn: string;
}

export function renderUnreadableEmail(i: UnreadableEmailInput): RenderedEmail {
  const subject = `${i.gcName}: please send your certificate of insurance ${scope(i.projectName)} again`;
  const opening = `Thank you for sending your certificate of insurance ${scope(i.projectName)}. Our system could not read the file "${i.filename}" safely, so a person will look at it.`;
  const ask =
    'To get it checked sooner, please upload the certificate again as a normal PDF (as saved or printed to PDF from your insurance agent\'s system), or a clear photo of it.';
  const closing = `Use the same personal link as before. No account or password is needed; the link works until ${i.linkExpiresOn}.`;
  return renderSubEmail({
    subject,
    gcName: i.gcName,
    vendorName: i.vendorName,
    blocks: [opening, ask, closing],
    link: i.link,
    action: 'Upload the certificate',
  });
}
