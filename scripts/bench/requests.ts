import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import path from 'node:path';
import { startStack } from '../../test/stack';
import { benchDatabase } from './database';
import { COMPANY_A, USER_ADMIN } from '../procore-emulator/seed-people';
import type { Directory } from '../../server/contracts/directory';
import type { CreateRequestsResult } from '../../server/contracts/requests';

// npm run bench:requests — one click requesting 500 companies (API time; emails go out through
// the queue afterwards), emails delivered per second to a local SMTP server, and a 5 MB
// portal upload (time until the server answers "received", i.e. after the commit).

const count = Number(process.argv[2] ?? 500);

async function main() {
  const stack = await startStack({ database: await benchDatabase(), emulator: { vendors: count + 150, rateLimit: { spike: 10_000, hourly: 100_000 } } });
  try {
    const token = await stack.signIn(USER_ADMIN);
    const base = `/api/companies/${COMPANY_A}`;
    const dir = ((await (await stack.api(token, `${base}/vendors`)).json()) as { data: Directory }).data;
    const picked = dir.vendors.filter((v) => v.emailValid).slice(0, count).map((v) => v.vendorId);
    const t0 = performance.now();
    const res = await stack.api(token, `${base}/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: picked }) });
    const api = performance.now() - t0;
    const created = ((await res.json()) as { data: CreateRequestsResult }).data.created.length;
    const deadline = Date.now() + 300_000;
    while (stack.mail.messages().length < created && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const allSent = performance.now() - t0;
    const delivered = stack.mail.messages().length;
    console.log(`request COI for ${created} companies (one click): API ${api.toFixed(0)} ms`);
    console.log(`emails delivered to local SMTP: ${delivered} in ${(allSent / 1000).toFixed(1)} s after the click = ${((delivered / allSent) * 1000).toFixed(1)} emails/s`);

    const link = /\/portal\/([A-Za-z0-9_-]{43})/.exec(stack.mail.messages()[0]?.text ?? '')?.[1];
    const upload = await uploadFigure(stack.app.url, link);
    console.log(upload);
  } finally {
    await stack.close();
  }
}

/** A 5 MB PDF through the portal's upload endpoint: time until "received" (after the commit). */
async function uploadFigure(appUrl: string, token: string | undefined): Promise<string> {
  if (!token) return 'portal upload: no link found';
  const doc = await PDFDocument.load(readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/certificates/text-1.pdf')));
  // An attached 5 MB scan-sized payload: a valid PDF of the size brokers send.
  await doc.attach(randomBytes(5 * 1024 * 1024 - 60_000), 'endorsements.bin', { mimeType: 'application/octet-stream' });
  const pdf = Buffer.from(await doc.save());
  const form = new FormData();
  form.append('files', new Blob([pdf], { type: 'application/pdf' }), 'certificate-5mb.pdf');
  const t0 = performance.now();
  const res = await fetch(`${appUrl}/api/portal/${token}/uploads`, { method: 'POST', body: form });
  const ms = performance.now() - t0;
  return `portal upload of a ${(pdf.length / 1024 / 1024).toFixed(1)} MB PDF: HTTP ${res.status}, ${ms.toFixed(0)} ms until "received" (after commit)`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
