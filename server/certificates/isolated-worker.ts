import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { closeReader } from './ocr';
import { readCertificate } from './reader';

const { bytes, options } = workerData as { bytes: Uint8Array; options: Parameters<typeof readCertificate>[1] };

try {
  const result = await readCertificate(bytes, options);
  parentPort?.postMessage({ ok: true, result });
} catch (error) {
  const known = error instanceof AppError;
  parentPort?.postMessage({
    ok: false,
    code: known ? error.code : 'reader_failed',
    message: known ? error.message : 'The reader failed on this document.',
  });
} finally {
  await closeReader();
}
