// The frame every email shares: the page with its inline styles (mail clients ignore
// stylesheets), the orange button, and escaping.

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A whole HTML email around already-escaped body markup. */
export function emailPage(body: string): string {
  return `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#232729;font-size:15px;line-height:1.5">
${body}
</body></html>`;
}

/** The call to action, with the link spelled out under it for clients that drop buttons. */
export function emailButton(link: string, label: string): string {
  return `<p><a href="${esc(link)}" style="display:inline-block;background:#f47e42;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">${esc(label)}</a></p>
<p style="font-size:13px;color:#6a767c">Or copy this link: ${esc(link)}</p>`;
}
