import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCertificateIsolated } from './isolated';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/certificates', name));

describe('readCertificateIsolated', () => {
  it('gives up with a timeout error, then reads the next document', async () => {
    await expect(readCertificateIsolated(fixture('multipage-1.pdf'), { timeoutMs: 5 })).rejects.toMatchObject({ code: 'timeout' });
    const result = await readCertificateIsolated(fixture('text-1.pdf'), { timeoutMs: 30_000 });
    expect(result.form).toBe('ACORD 25');
    expect(result.policies.length).toBeGreaterThan(0);
  });

  it('passes reader errors through with their code', async () => {
    await expect(readCertificateIsolated(fixture('bad-zero-pages.pdf'), { timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'no_pages' });
  });
});
