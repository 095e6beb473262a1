import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { createTestRequest, type TestRequest } from '../../test/factories';
import type { PortalInfo, PortalUploadResult } from '../contracts/portal';
import { revokeUploadLinks } from './links';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/certificates/${name}`, import.meta.url));
const db = () => stack.database.db;
const services = () => stack.app.services;

async function smallPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText(text, { x: 50, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** A real 2x2 PNG. */
function smallPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

function upload(token: string, files: { name: string; bytes: Buffer; type?: string }[], brokerEmail?: string) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/pdf' }), f.name);
  if (brokerEmail !== undefined) form.append('brokerEmail', brokerEmail);
  return fetch(`${stack.app.url}/api/portal/${token}/uploads`, { method: 'POST', body: form });
}

const info = (token: string) => fetch(`${stack.app.url}/api/portal/${token}`);
const documentsOf = (r: TestRequest) => db()('documents').where({ request_id: r.requestId }).orderBy('created_at');
const requestRow = (r: TestRequest) => db()('coi_requests').where({ id: r.requestId }).first();
type ErrorBody = { error: { code: string; message: string } };

describe('portal info', () => {
  it('shows the GC, vendor, project, requirements, limits and files already received', async () => {
    const r = await createTestRequest(services(), { projectName: 'Harbor Point Tower' });
    const res = await info(r.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { data } = (await res.json()) as { data: PortalInfo };
    expect(data).toMatchObject({ gcName: r.gcName, vendorName: r.vendorName, projectName: 'Harbor Point Tower', brokerEmail: null, maxFiles: 10, maxBytes: 20 * 1024 * 1024, documents: [] });
    expect(data.accepted).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
    expect(data.requirements.length).toBeGreaterThan(2);
  });

  it('says "all projects" (null) for a global request', async () => {
    const r = await createTestRequest(services(), { projectName: null });
    const { data } = (await (await info(r.token)).json()) as { data: PortalInfo };
    expect(data.projectName).toBeNull();
  });

  it('answers a wrong, expired, revoked or closed link with the same polite 404', async () => {
    const expired = await createTestRequest(services());
    await db()('upload_links').where({ request_id: expired.requestId }).update({ expires_at: new Date(Date.now() - 1000) });
    const revoked = await createTestRequest(services());
    await revokeUploadLinks(db(), revoked.requestId);
    const archived = await createTestRequest(services(), { status: 'archived' });
    const deleted = await createTestRequest(services());
    await db()('coi_requests').where({ id: deleted.requestId }).update({ deleted_at: new Date() });
    const tokens = ['A'.repeat(43), 'not-a-token', expired.token, revoked.token, archived.token, deleted.token];
    const answers = await Promise.all(tokens.map(async (t) => { const res = await info(t); return { status: res.status, body: await res.text() }; }));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(404);
    const body = JSON.parse(answers[0]!.body) as ErrorBody;
    expect(body.error.code).toBe('link_invalid');
    expect(body.error.message).toMatch(/not valid any more.*new link/);
    const up = await upload(expired.token, [{ name: 'c.pdf', bytes: await smallPdf('expired') }]);
    expect(up.status).toBe(404);
    expect(await documentsOf(expired)).toHaveLength(0);
  });
});

describe('uploads', () => {
  it('stores a PDF with its SHA-256 and size and moves the request to Under review before answering', async () => {
    const r = await createTestRequest(services());
    const pdf = await smallPdf('Certificate of liability insurance');
    const res = await upload(r.token, [{ name: 'ACORD 25.pdf', bytes: pdf }]);
    // Checked the moment the answer arrives: the commit came first.
    const [docs, request, events] = await Promise.all([
      documentsOf(r),
      requestRow(r),
      db()('request_events').where({ request_id: r.requestId }).orderBy('id'),
    ]);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: PortalUploadResult }).data).toEqual({ received: [{ filename: 'ACORD 25.pdf', size: pdf.length, duplicate: false }] });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ filename: 'ACORD 25.pdf', content_type: 'application/pdf', size: pdf.length });
    expect((docs[0].sha256 as Buffer).toString('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(Buffer.compare(docs[0].bytes as Buffer, pdf)).toBe(0);
    expect(request.status).toBe('under_review');
    expect(request.first_upload_at).toBeInstanceOf(Date);
    const upload_ = events.find((e) => e.kind === 'upload');
    expect(upload_).toMatchObject({ actor_label: 'Subcontractor', data: { files: [{ filename: 'ACORD 25.pdf', size: pdf.length, duplicate: false }] } });
    expect(events.find((e) => e.kind === 'status_changed')?.data).toEqual({ from: 'pending', to: 'under_review', reason: 'Certificate received' });
    const { data } = (await (await info(r.token)).json()) as { data: PortalInfo };
    expect(data.documents).toEqual([{ filename: 'ACORD 25.pdf', size: pdf.length, createdAt: expect.any(String) }]);
  });

  it('stores the same file once, within a submission and across submissions, and says so', async () => {
    const r = await createTestRequest(services());
    const pdf = await smallPdf('Same certificate');
    const first = await upload(r.token, [{ name: 'a.pdf', bytes: pdf }, { name: 'a copy.pdf', bytes: pdf }]);
    expect(((await first.json()) as { data: PortalUploadResult }).data.received.map((f) => f.duplicate)).toEqual([false, true]);
    const again = await upload(r.token, [{ name: 'a.pdf', bytes: pdf }]);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { data: PortalUploadResult }).data.received).toEqual([{ filename: 'a.pdf', size: pdf.length, duplicate: true }]);
    expect(await documentsOf(r)).toHaveLength(1);
  });

  it('accepts a real PNG whatever its name, and keeps its true type', async () => {
    const r = await createTestRequest(services());
    const res = await upload(r.token, [{ name: 'photo.pdf', bytes: smallPng() }]);
    expect(res.status).toBe(200);
    expect((await documentsOf(r))[0]?.content_type).toBe('image/png');
  });

  it('keeps the broker email given on the page, and refuses a malformed one', async () => {
    const r = await createTestRequest(services());
    const bad = await upload(r.token, [{ name: 'c.pdf', bytes: await smallPdf('broker 1') }], 'not an address');
    expect(bad.status).toBe(400);
    expect(await documentsOf(r)).toHaveLength(0);
    const good = await upload(r.token, [{ name: 'c.pdf', bytes: await smallPdf('broker 1') }], ' Agent@Broker.Example ');
    expect(good.status).toBe(200);
    expect((await requestRow(r)).broker_email).toBe('agent@broker.example');
  });
});

describe('refused submissions store nothing and name the file', () => {
  const refusals: [string, () => Promise<{ name: string; bytes: Buffer }>, number, string, RegExp][] = [
    ['a text file named .pdf', async () => ({ name: 'x.pdf', bytes: Buffer.from('this is only text, not a certificate\n') }), 422, 'unsupported_type', /not a PDF, PNG or JPEG/],
    ['an encrypted PDF', async () => ({ name: 'locked.pdf', bytes: fixture('bad-encrypted.pdf') }), 422, 'encrypted_pdf', /password-protected\. Please send the certificate as a PDF without a password, or a photo of it\./],
    ['a corrupt PDF', async () => ({ name: 'broken.pdf', bytes: fixture('bad-corrupt.pdf') }), 422, 'corrupt_pdf', /damaged/],
    ['a file over 20 MB', async () => ({ name: 'huge.pdf', bytes: Buffer.alloc(21 * 1024 * 1024, 0x25) }), 413, 'file_too_large', /larger than 20 MB/],
  ];
  for (const [what, make, status, code, message] of refusals) {
    it(`refuses ${what}, even alongside a good file`, async () => {
      const r = await createTestRequest(services());
      const bad = await make();
      const res = await upload(r.token, [{ name: 'good.pdf', bytes: await smallPdf(`good ${what}`) }, bad]);
      expect(res.status).toBe(status);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
      expect(body.error.message.startsWith(`${bad.name}: `)).toBe(true);
      expect(await documentsOf(r)).toHaveLength(0);
      expect(await requestRow(r)).toMatchObject({ status: 'pending', first_upload_at: null });
    });
  }

  it('refuses eleven files', async () => {
    const r = await createTestRequest(services());
    const files = await Promise.all(Array.from({ length: 11 }, async (_, i) => ({ name: `c${i}.pdf`, bytes: await smallPdf(`file ${i}`) })));
    const res = await upload(r.token, files);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'too_many_files', message: expect.stringMatching(/at most 10 files/) });
    expect(await documentsOf(r)).toHaveLength(0);
  });

  it('refuses a submission without files', async () => {
    const r = await createTestRequest(services());
    const res = await upload(r.token, []);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('no_files');
  });
});

describe('rate limit', () => {
  // Last in this file: it uses up this address's allowance.
  it('answers 429 with Retry-After once an address has tried too many links', async () => {
    let limitedAt = 0;
    let res: Response | undefined;
    for (let i = 1; i <= 16 && !limitedAt; i++) {
      res = await info(`${'B'.repeat(42)}${i % 10}`);
      if (res.status === 429) limitedAt = i;
    }
    expect(limitedAt).toBeGreaterThan(0);
    expect(Number(res!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res!.json()) as ErrorBody).error.code).toBe('rate_limited');
  });
});
