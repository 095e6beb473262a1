import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flateBomb, hugeImage } from '../../test/hostile-pdf';
import { pdfPagesIsolated, readCertificateIsolated } from './isolated';
import { closeReaderPools } from './pool';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/certificates', name));

afterAll(closeReaderPools);

describe('readCertificateIsolated', () => {
  it('gives up with a timeout error, then reads the next document', async () => {
    await expect(readCertificateIsolated(fixture('multipage-1.pdf'), { timeoutMs: 5 })).rejects.toMatchObject({ code: 'timeout' });
    // Out of CPU time long before the wall clock: reading a scan takes seconds of it (counted from the task's start, not the child's).
    await expect(readCertificateIsolated(fixture('scanned-1.pdf'), { timeoutMs: 120_000, cpuMs: 1000 })).rejects.toMatchObject({ code: 'timeout' });
    const result = await readCertificateIsolated(fixture('text-1.pdf'), { timeoutMs: 30_000 });
    expect(result.form).toBe('ACORD 25');
    expect(result.policies.length).toBeGreaterThan(0);
  }, 120_000);

  it('passes reader errors through with their code', async () => {
    await expect(readCertificateIsolated(fixture('bad-zero-pages.pdf'), { timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'no_pages' });
  });

  it('refuses a Flate bomb and a huge picture before decoding them, and this process lives on', async () => {
    await expect(readCertificateIsolated(await flateBomb(), { timeoutMs: 60_000 })).rejects.toMatchObject({ code: 'unsafe_pdf' });
    await expect(readCertificateIsolated(await hugeImage(), { timeoutMs: 60_000 })).rejects.toMatchObject({ code: 'unsafe_pdf' });
    await expect(pdfPagesIsolated(await flateBomb(), { timeoutMs: 60_000 })).rejects.toMatchObject({ code: 'unsafe_pdf' });
    expect(await pdfPagesIsolated(fixture('multipage-1.pdf'), { timeoutMs: 60_000 })).toBeGreaterThan(1);
  }, 180_000);

  it('kills a reader whose heap or resident memory overruns its cap, and reports it', async () => {
    // A heap cap too small for pdf.js itself: V8 dies with a fatal out-of-memory error in the child.
    await expect(readCertificateIsolated(fixture('text-1.pdf'), { timeoutMs: 60_000, maxHeapMb: 8 })).rejects.toMatchObject({ code: 'too_large' });
    // A resident-memory cap below what reading takes: the watch kills the child.
    await expect(readCertificateIsolated(fixture('text-1.pdf'), { timeoutMs: 60_000, maxRssMb: 40 })).rejects.toMatchObject({ code: 'too_large' });
    expect((await readCertificateIsolated(fixture('text-1.pdf'), { timeoutMs: 60_000 })).form).toBe('ACORD 25');
  }, 180_000);
});
