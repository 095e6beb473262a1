import type { Extraction } from '../contracts/extraction';
import type { ReadOptions } from './limits-config';
import { readerPool } from './pool';

// Certificates are read in a child process, never in the server's process: a hostile or broken
// file can raise a fatal V8 error, fill native memory or hang pdf.js, and a worker thread's
// resourceLimits cap only its JavaScript heap. The children are kept warm in a pool (pool.ts);
// each gets a heap cap (--max-old-space-size), and for each task its resident memory and the
// CPU time it uses are watched and a wall clock runs; overrunning any of them kills the child,
// and the caller gets an error whose code says why. Time is judged by CPU time, which is the
// file's doing, with a longer wall clock behind it for a child that waits without computing: on
// a busy machine the wall clock runs out on the crowd, and a normal file would be called unsafe.

export interface ChildLimits {
  /** Wall-clock limit for the whole task, in ms. */
  timeoutMs?: number;
  /** CPU time the child may use during the task (user and system, all its threads), in ms; by default timeoutMs. */
  cpuMs?: number;
  /** The child's JavaScript heap ceiling, in MB (children are pooled by it). */
  maxHeapMb?: number;
  /** The child's resident memory ceiling (heap, buffers, canvases, OCR), in MB. */
  maxRssMb?: number;
  /** Tasks of this kind this process runs at once: the pool's size (at least this). */
  readers?: number;
}

export interface IsolatedOptions extends ReadOptions, ChildLimits {}

export type ChildTask = { kind: 'read'; bytes: Uint8Array; options: ReadOptions } | { kind: 'pages'; bytes: Uint8Array };

/** Codes of a reader that was stopped or died: the document could not be read safely, and is not read again. */
export const unsafeReadCodes = new Set(['timeout', 'too_large', 'reader_crashed', 'unsafe_pdf']);

/** Runs one task in a warm child process within the limits; its result, or an UnreadableDocumentError. */
export function runInChild(task: ChildTask, limits: ChildLimits = {}): Promise<unknown> {
  const { maxHeapMb = 1024, readers = 1, ...rest } = limits;
  return readerPool(maxHeapMb, readers).run(task, rest);
}

/** Reads a certificate in a reader process (see above). */
export async function readCertificateIsolated(bytes: Uint8Array, options: IsolatedOptions = {}): Promise<Extraction> {
  const { timeoutMs = 120_000, cpuMs, maxHeapMb, maxRssMb, readers, ...readOptions } = options;
  return (await runInChild({ kind: 'read', bytes, options: { ...readOptions, timeoutMs } }, { timeoutMs, cpuMs, maxHeapMb, maxRssMb, readers })) as Extraction;
}

/** The page count of a PDF, opened in a reader process (see above). */
export async function pdfPagesIsolated(bytes: Uint8Array, limits: ChildLimits = {}): Promise<number> {
  return (await runInChild({ kind: 'pages', bytes }, limits)) as number;
}
