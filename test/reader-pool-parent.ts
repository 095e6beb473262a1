import { readFileSync } from 'node:fs';
import { ReaderPool } from '../server/certificates/pool';
import { manyObjects } from './hostile-pdf';

// A parent process for the reader pool's test (server/certificates/pool.test.ts): it warms a
// reader, prints the reader's pid, then (by its first argument) exits on its own, or starts a
// long task and waits to be killed.

const pool = new ReaderPool({ size: 1, maxHeapMb: 1024 });
const pdf = readFileSync(new URL('./fixtures/certificates/text-1.pdf', import.meta.url));
await pool.run({ kind: 'pages', bytes: pdf });
console.log(`reader ${pool.pids().join(' ')}`);
if (process.argv[2] === 'busy') {
  const bytes = await manyObjects();
  void pool.run({ kind: 'pages', bytes }, { timeoutMs: 600_000 }).catch(() => undefined);
  console.log('busy');
} else {
  process.exit(0);
}
