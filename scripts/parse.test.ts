import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'test/fixtures/certificates');

function parse(files: string[]) {
  const run = spawnSync(process.execPath, ['--import', './server/certificates/preload.mjs', '--import', 'tsx', 'scripts/parse.ts', ...files], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, lines: run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('parse CLI', () => {
  it('prints one JSON line per file, in order, and exits 0 when all were read', () => {
    const files = [path.join(fixtures, 'text-1.pdf'), path.join(fixtures, 'acroform-1.pdf')];
    const { status, lines } = parse(files);
    expect(status).toBe(0);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines.map((l) => (l.result as { form: string }).form)).toEqual(['ACORD 25', 'ACORD 25']);
  });

  it('reports bad and missing files as error lines and exits 1', () => {
    const files = [path.join(fixtures, 'bad-encrypted.pdf'), 'missing.pdf', path.join(fixtures, 'text-2.pdf')];
    const { status, lines } = parse(files);
    expect(status).toBe(1);
    expect(lines.map((l) => (l.error as { code: string } | undefined)?.code ?? 'ok')).toEqual(['encrypted_pdf', 'not_found', 'ok']);
  });
});
