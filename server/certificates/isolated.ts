import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../contracts/extraction';
import { UnreadableDocumentError } from '../errors';
import type { ReadOptions } from './limits-config';

export interface IsolatedOptions extends ReadOptions {
  /** Heap ceiling for the worker thread, in MB. */
  maxHeapMb?: number;
}

type Reply = { ok: true; result: Extraction } | { ok: false; code: string; message: string };

const workerUrl = new URL('./isolated-worker.ts', import.meta.url);
const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;

const preloadUrl = new URL('./preload.mjs', import.meta.url);

// A worker given a .ts entry fails before `--import tsx` hooks apply, so a small script loads
// pdf.js as it is (see preload.mjs), then registers tsx inside the worker and loads the reader.
const bootstrap = `import(${JSON.stringify(preloadUrl.href)})
  .then((preload) => preload.loadPdfjs())
  .then(() => import(${JSON.stringify(tsxApi)}))
  .then((api) => { api.register(); return import(${JSON.stringify(workerUrl.href)}); });`;

/**
 * Read a certificate in a worker thread with its own heap limit, and stop the thread when the
 * time runs out, so one bad document cannot stall or exhaust the process serving others.
 */
export function readCertificateIsolated(bytes: Uint8Array, options: IsolatedOptions = {}): Promise<Extraction> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { maxHeapMb = 1024, ...readOptions } = options;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { bytes, options: readOptions },
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
  return new Promise<Extraction>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new UnreadableDocumentError('timeout', 'Reading this document took too long. Try a smaller or clearer copy.'));
    }, timeoutMs);
    const done = () => clearTimeout(timer);
    worker.once('message', (reply: Reply) => {
      done();
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(new UnreadableDocumentError(reply.code, reply.message));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      done();
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(
        new UnreadableDocumentError(
          memory ? 'too_large' : 'reader_failed',
          memory ? 'This document needs too much memory to read.' : 'The reader failed on this document.',
        ),
      );
    });
    worker.once('exit', (code) => {
      done();
      if (code !== 0) reject(new UnreadableDocumentError('reader_failed', 'The reader stopped before finishing this document.'));
    });
  });
}
