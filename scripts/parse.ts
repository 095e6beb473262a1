// Read certificates and print one JSON line per file: {"file", "result"} or {"file", "error"}.
// Usage: npm run --silent parse -- FILE...
import { readFile } from 'node:fs/promises';
import { AppError } from '../server/errors';
import { closeReader, readCertificate } from '../server/certificates';

async function readOne(file: string): Promise<{ line: object; ok: boolean }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const code = missing ? 'not_found' : 'unreadable_file';
    return { line: { file, error: { code, message: missing ? 'No such file.' : 'The file could not be opened.' } }, ok: false };
  }
  try {
    return { line: { file, result: await readCertificate(bytes) }, ok: true };
  } catch (error) {
    const known = error instanceof AppError;
    const code = known ? error.code : 'reader_failed';
    const message = known ? error.message : 'The reader failed on this document.';
    return { line: { file, error: { code, message } }, ok: false };
  }
}

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent parse -- FILE...\n');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const { line, ok } = await readOne(file);
    failed ||= !ok;
    process.stdout.write(JSON.stringify(line) + '\n');
  }
  await closeReader();
  return failed ? 1 : 0;
}

// pdf.js prints font warnings on the console; stdout carries only JSON lines.
console.log = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
console.warn = console.log;
process.exitCode = await main();
