import { emailButton, emailPage, esc, type RenderedEmail } from '../notifications/email-frame';
import type { ChangeKind, DigestChange } from './changes';

// The daily digest to a GC user: one section per kind of change, each line naming the vendor
// and project, each section linking to the desk's register filtered to it.

export interface DigestInput {
  companyName: string;
  userName: string;
  /** The company-local date the digest is for (YYYY-MM-DD). */
  date: string;
  changes: DigestChange[];
  /** The register filtered to one kind of change, in one project or company-wide; no kind: the overview. */
  linkFor(kind: ChangeKind | null, projectId: string | null): string;
}

const headings: Record<ChangeKind, string> = {
  compliant: 'Became compliant',
  deficient: 'Became deficient (Awaiting New COI)',
  expiring: 'Expiring within 30 days',
  not_responding: 'Not responding (Pending after the third reminder)',
};
const footer = 'You get this email because you turned on the daily digest in COI Compliance; untick "Email me a daily digest" on its company page to stop it.';
const order: ChangeKind[] = ['deficient', 'not_responding', 'expiring', 'compliant'];

function lineOf(c: DigestChange): string {
  const where = c.projectName ?? 'all projects (annual certificate)';
  const detail = c.kind === 'deficient' && c.detail ? `: ${c.detail}` : c.kind === 'expiring' && c.detail ? `: ends ${c.detail}` : '';
  return `${c.vendorName}, ${where}${detail}`;
}

export function renderDigest(i: DigestInput): RenderedEmail {
  const sections = order
    .map((kind) => ({ kind, items: i.changes.filter((c) => c.kind === kind) }))
    .filter((s) => s.items.length > 0);
  const counts = sections.map((s) => `${s.items.length} ${s.kind === 'not_responding' ? 'not responding' : s.kind}`);
  const subject = `COI digest for ${i.companyName}, ${i.date}: ${counts.join(', ')}`;
  const intro = `Hello ${i.userName}, here is what changed in certificates of insurance since your last digest.`;
  const text = [
    intro,
    ...sections.flatMap((s) => ['', `${headings[s.kind]} (${i.linkFor(s.kind, null)}):`, ...s.items.map((c) => `- ${lineOf(c)}\n  ${i.linkFor(s.kind, c.projectId)}`)]),
    '',
    footer,
  ].join('\n');
  const html = emailPage(`<p>${esc(intro)}</p>
${sections
  .map((s) => `<h3 style="font-size:16px;margin:18px 0 6px"><a href="${esc(i.linkFor(s.kind, null))}" style="color:#232729">${esc(headings[s.kind])} (${s.items.length})</a></h3>
<ul>${s.items.map((c) => `<li><a href="${esc(i.linkFor(s.kind, c.projectId))}">${esc(lineOf(c))}</a></li>`).join('')}</ul>`)
  .join('\n')}
${emailButton(i.linkFor(null, null), 'Open the overview')}
<p style="font-size:13px;color:#6a767c">${esc(footer)}</p>`);
  return { subject, text, html };
}
