import { readFileSync } from 'node:fs';
import { ReaderPool } from '../server/certificates/pool';

// A parent process for the reader pool's test (server/certificates/pool.test.ts): it warms a
// reader, prints the reader's pid, then (by its first argument) exits on its own, or starts a
// long task, prints the busy reader's pid and waits to be killed.

const pool = new ReaderPool({ size: 1, maxHeapMb: 1024 });
const pdf = readFileSync(new URL('./fixtures/certificates/text-1.pdf', import.meta.url));
await pool.run({ kind: 'pages', bytes: pdf });
console.log(`reader ${pool.pids().join(' ')}`);
if (process.argv[2] === 'busy') {
  // A scan: OCR keeps the reader busy for seconds, surely longer than the test takes to kill this
  // parent (opening the 850,000-object PDF could end first, and a reader that grew past the
  // pool's memory mark is retired at once).
  const scan = readFileSync(new URL('./fixtures/certificates/scanned-1.pdf', import.meta.url));
  void pool.run({ kind: 'read', bytes: scan, options: {} }, { timeoutMs: 600_000 }).catch(() => undefined);
  // The reader that took the task (the warm one, or a fresh one had the warm one been replaced).
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(`busy ${pool.pids().join(' ')}`);
} else {
  process.exit(0);
}
