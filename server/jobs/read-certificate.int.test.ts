import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { createTestRequest, type TestRequest } from '../../test/factories';
import { flateBomb } from '../../test/hostile-pdf';
import { readCertificate } from './read-certificate';

// The job is run directly with the stack's services, on documents written without enqueuing,
// so the background worker never races it.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { WORKERS: 'off' } });
});
afterAll(async () => stack?.close());

async function storeDocument(r: TestRequest, filename: string, bytes: Buffer): Promise<string> {
  const uploadId = randomUUID();
  await stack.database.db('documents').insert({
    company_id: r.companyId,
    request_id: r.requestId,
    upload_id: uploadId,
    filename,
    content_type: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest(),
    bytes,
  });
  return uploadId;
}

describe('read-certificate job', () => {
  it('stores the extraction of a certificate from the corpus, once', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'under_review' });
    const bytes = readFileSync(new URL('../../test/fixtures/certificates/text-1.pdf', import.meta.url));
    const truth = JSON.parse(readFileSync(new URL('../../test/fixtures/certificates/text-1.truth.json', import.meta.url), 'utf8')) as { insured: { name: string } };
    const uploadId = await storeDocument(r, 'text-1.pdf', bytes);
    const counts = await readCertificate.run(stack.app.services, { requestId: r.requestId, uploadId });
    expect(counts).toEqual({ read: 1, failed: 0, skipped: 0, evaluated: 1 });
    const doc = await stack.database.db('documents').where({ upload_id: uploadId }).first();
    expect(doc.read_status).toBe('read');
    expect(doc.read_error).toBeNull();
    expect(JSON.stringify(doc.extraction)).toContain(truth.insured.name);
    expect(await readCertificate.run(stack.app.services, { requestId: r.requestId, uploadId })).toMatchObject({ read: 0, failed: 0, skipped: 0 });
    // Checked against the built-in requirements: this certificate's general liability policy has expired.
    const request = await stack.database.db('coi_requests').where({ id: r.requestId }).first('status');
    expect(request.status).toBe('awaiting_new_coi');
    expect(await stack.database.db('emails').where({ request_id: r.requestId, kind: 'deficiency' })).toHaveLength(1);
  });

  it('marks a document it cannot read as failed and flags it for a person', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'under_review' });
    const uploadId = await storeDocument(r, 'garbage.pdf', randomBytes(4096));
    const counts = await readCertificate.run(stack.app.services, { requestId: r.requestId, uploadId });
    expect(counts).toEqual({ read: 0, failed: 1, skipped: 0, evaluated: 0 });
    const doc = await stack.database.db('documents').where({ upload_id: uploadId }).first();
    expect(doc.read_status).toBe('failed');
    expect(doc.read_error).toMatch(/^unsupported_type: /);
    const event = await stack.database.db('request_events').where({ request_id: r.requestId, kind: 'read_failed' }).first();
    expect(event.data).toMatchObject({ filename: 'garbage.pdf', code: 'unsupported_type', note: expect.stringContaining('flagged for a person') });
    expect((await stack.database.db('coi_requests').where({ id: r.requestId }).first('status')).status).toBe('under_review');
    const flagged = await stack.database.db('request_events').where({ request_id: r.requestId, kind: 'evaluated' }).first();
    expect(flagged.data.message).toMatch(/Flagged for a person/);
  });

  it('does not read a Flate bomb: it goes to a person as could not be read safely, and the sub is asked for a normal PDF', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'under_review' });
    const uploadId = await storeDocument(r, 'certificate.pdf', await flateBomb());
    const counts = await readCertificate.run(stack.app.services, { requestId: r.requestId, uploadId });
    expect(counts).toEqual({ read: 0, failed: 1, skipped: 0, evaluated: 0 });
    const doc = await stack.database.db('documents').where({ upload_id: uploadId }).first();
    expect(doc.read_status).toBe('failed');
    expect(doc.read_error).toMatch(/^unsafe_pdf: /);
    const event = await stack.database.db('request_events').where({ request_id: r.requestId, kind: 'read_failed' }).first();
    expect(event.data.note).toBe('The certificate could not be read safely; flagged for a person. The sub was asked for a normal PDF.');
    const emails = await stack.database.db('emails').where({ request_id: r.requestId, kind: 'unreadable' });
    expect(emails).toHaveLength(1);
    expect(emails[0].text_body).toContain('could not read the file "certificate.pdf" safely, so a person will look at it');
    expect(emails[0].text_body).toContain('as a normal PDF');
    expect(emails[0].text_body).toContain(`/portal/${r.token}`);
    expect((await stack.database.db('coi_requests').where({ id: r.requestId }).first('status')).status).toBe('under_review');
    // Run again (pg-boss delivers at least once): nothing more happens.
    expect(await readCertificate.run(stack.app.services, { requestId: r.requestId, uploadId })).toMatchObject({ read: 0, failed: 0 });
    expect(await stack.database.db('emails').where({ request_id: r.requestId, kind: 'unreadable' })).toHaveLength(1);
  });

  it('does not start a reader again on a document whose reading was cut off twice', async () => {
    const r = await createTestRequest(stack.app.services, { status: 'under_review' });
    const bytes = readFileSync(new URL('../../test/fixtures/certificates/text-1.pdf', import.meta.url));
    const uploadId = await storeDocument(r, 'text-1.pdf', bytes);
    // Two starts that never finished, as when the process reading it died.
    await stack.database.db('documents').where({ upload_id: uploadId }).update({ read_attempts: 2 });
    expect(await readCertificate.run(stack.app.services, { requestId: r.requestId, uploadId })).toMatchObject({ read: 0, failed: 1 });
    const doc = await stack.database.db('documents').where({ upload_id: uploadId }).first();
    expect(doc).toMatchObject({ read_status: 'failed', read_attempts: 3, extraction: null });
    expect(doc.read_error).toMatch(/^reader_crashed: /);
    expect(await stack.database.db('emails').where({ request_id: r.requestId, kind: 'unreadable' })).toHaveLength(1);
  });
});
