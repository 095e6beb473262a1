import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { AuthMessage } from '../contracts/session';

// The last page of the sign-in popup: hands the result to the panel that opened it (same
// origin as the app) and closes. Opened directly, it just says what happened.

export function popupPage(res: Response, appOrigin: string, message: AuthMessage): void {
  const nonce = randomBytes(16).toString('base64');
  const ok = message.type === 'authentication.success';
  const json = JSON.stringify(message).replace(/</g, '\\u003c');
  res
    .status(ok ? 200 : 400)
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .set('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'`)
    .type('html')
    .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>COI Compliance sign-in</title>
<style>body{font-family:system-ui,sans-serif;margin:40px;color:#232729}</style></head>
<body><p id="msg">${ok ? 'You are connected to Procore. This window will close.' : escapeHtml((message.payload as { reason: string }).reason)}</p>
<script nonce="${nonce}">
(function () {
  var message = ${json};
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(message, ${JSON.stringify(appOrigin)});
    window.close();
  } else if (message.type === 'authentication.success') {
    document.getElementById('msg').textContent = 'You are connected to Procore. Go back to the COI Compliance panel.';
  }
})();
</script></body></html>`);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
