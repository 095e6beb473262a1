import type { MailItem } from './types';
import type { SmsItem } from './sms-sink';
import { escapeHtml } from './http';

// /__emulator/mailbox: every captured email with its HTML rendered in a sandboxed iframe, and
// every text message the SMS sink took (Messages).
// allow-popups + allow-popups-to-escape-sandbox keep links clickable (they open in a new tab).

function message(mail: MailItem, index: number): string {
  const body = mail.html || `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(mail.text)}</pre>`;
  const srcdoc = `<base target="_blank">${body}`;
  return `<article class="mail" id="mail-${index}">
<header><h2>${escapeHtml(mail.subject || '(no subject)')}</h2>
<dl><dt>From</dt><dd>${escapeHtml(mail.from)}</dd><dt>To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
${mail.cc.length ? `<dt>Cc</dt><dd>${escapeHtml(mail.cc.join(', '))}</dd>` : ''}<dt>Date</dt><dd>${escapeHtml(mail.date)}</dd></dl></header>
<iframe title="Email: ${escapeHtml(mail.subject)}" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(srcdoc)}"></iframe>
</article>`;
}

function text(sms: SmsItem): string {
  return `<li class="sms"><div class="who">To ${escapeHtml(sms.to)} · from ${escapeHtml(sms.from)} · ${escapeHtml(sms.date)}</div><p>${escapeHtml(sms.body)}</p></li>`;
}

export function renderMailbox(mails: MailItem[], texts: SmsItem[] = []): string {
  const list = mails.length
    ? mails.map(message).join('\n')
    : '<p class="empty">No email yet. Mail the app sends to the SMTP sink shows up here.</p>';
  const messages = texts.length
    ? `<ul class="texts">${texts.map(text).join('\n')}</ul>`
    : '<p class="empty">No text messages yet. Texts the app sends to the SMS sink (base URL /sms) show up here.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mailbox - Procore emulator</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f6}
.bar{background:#f47e42;color:#fff;padding:10px 20px;font-weight:700}.bar a{color:#fff;margin-left:16px}
main{max-width:960px;margin:20px auto}.mail{background:#fff;border-radius:6px;margin:16px 0;padding:12px 20px;box-shadow:0 1px 4px #0002}
h2{font-size:17px;margin:6px 0}dl{display:grid;grid-template-columns:60px 1fr;margin:0;font-size:13px;color:#444}dt{font-weight:600}dd{margin:0}
iframe{width:100%;height:360px;border:1px solid #ddd;margin-top:10px;background:#fff}
.texts{list-style:none;padding:0}.sms{background:#fff;border-radius:6px;margin:10px 0;padding:10px 20px;box-shadow:0 1px 4px #0002}.who{font-size:13px;color:#444}</style></head>
<body><div class="bar">PROCORE emulator · Mailbox (${mails.length})<a href="#messages">Messages (${texts.length})</a><a href="/">Home</a></div><main><h1 style="font-size:20px">Email</h1>${list}<h1 id="messages" style="font-size:20px">Messages</h1>${messages}</main></body></html>`;
}
