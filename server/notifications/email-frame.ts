// The one frame every email to a subcontractor is drawn in: a greeting, paragraphs and lists,
// the personal link as a button and as plain text, and the GC's sign-off. Rendered as text
// and as simple HTML (inline styles: mail clients ignore stylesheets).

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph, or a bulleted list. */
export type EmailBlock = string | string[];

export interface SubEmail {
  subject: string;
  gcName: string;
  vendorName: string;
  blocks: EmailBlock[];
  link: string;
  /** The button's words, e.g. "Upload your certificate". */
  action: string;
}

export function renderSubEmail(e: SubEmail): RenderedEmail {
  const textBlocks = e.blocks.map((b) => (typeof b === 'string' ? [b, ''] : [...b.map((l) => `- ${l}`), '']));
  const text = [`Hello ${e.vendorName},`, '', ...mergeLists(textBlocks), e.link, '', 'Thank you,', e.gcName].join('\n');
  const htmlBlocks = e.blocks.map((b) =>
    typeof b === 'string' ? `<p>${esc(b)}</p>` : `<ul>${b.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
  );
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#232729;font-size:15px;line-height:1.5">
<p>Hello ${esc(e.vendorName)},</p>
${htmlBlocks.join('\n')}
<p><a href="${esc(e.link)}" style="display:inline-block;background:#f47e42;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">${esc(e.action)}</a></p>
<p style="font-size:13px;color:#6a767c">Or copy this link: ${esc(e.link)}</p>
<p>Thank you,<br>${esc(e.gcName)}</p>
</body></html>`;
  return { subject: e.subject, text, html };
}

/** A paragraph that introduces a list ("…should show:") is followed by the list without a blank line. */
function mergeLists(blocks: string[][]): string[] {
  const out: string[] = [];
  blocks.forEach((lines, i) => {
    const next = blocks[i + 1];
    const introducesList = next !== undefined && next[0]?.startsWith('- ') && lines.length === 2 && (lines[0] ?? '').endsWith(':');
    out.push(...(introducesList ? lines.slice(0, 1) : lines));
  });
  return out;
}

/** "for Tower A" or, for a request that covers every project, "for all of our projects". */
export function scopeWords(projectName: string | null): string {
  return projectName ? `for ${projectName}` : 'for all of our projects';
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
