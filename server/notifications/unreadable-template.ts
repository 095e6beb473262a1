import type { RenderedEmail } from './templates';

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

function scope(projectName: string | null): string {
  return projectName ? `for ${projectName}` : 'for all of our projects';
}

export function renderUnreadableEmail(i: UnreadableEmailInput): RenderedEmail {
  const subject = `${i.gcName}: please send your certificate of insurance ${scope(i.projectName)} again`;
  const opening = `Thank you for sending your certificate of insurance ${scope(i.projectName)}. Our system could not read the file "${i.filename}" safely, so a person will look at it.`;
  const ask =
    'To get it checked sooner, please upload the certificate again as a normal PDF (as saved or printed to PDF from your insurance agent\'s system), or a clear photo of it.';
  const closing = `Use the same personal link as before. No account or password is needed; the link works until ${i.linkExpiresOn}.`;
  const text = [`Hello ${i.vendorName},`, '', opening, '', ask, '', closing, '', i.link, '', 'Thank you,', i.gcName].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#232729;font-size:15px;line-height:1.5">
<p>Hello ${esc(i.vendorName)},</p>
<p>${esc(opening)}</p>
<p>${esc(ask)}</p>
<p>${esc(closing)}</p>
<p><a href="${esc(i.link)}" style="display:inline-block;background:#f47e42;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">Upload the certificate</a></p>
<p style="font-size:13px;color:#6a767c">Or copy this link: ${esc(i.link)}</p>
<p>Thank you,<br>${esc(i.gcName)}</p>
</body></html>`;
  return { subject, text, html };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
