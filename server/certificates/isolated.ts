import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../contracts/extraction';
import { UnreadableDocumentError } from '../errors';
import type { ReadOptions } from './limits-config';

// Certificates are read in a child process of their own, never in the server's process: a
// hostile or broken file can raise a fatal V8 error, fill native memory or hang pdf.js, and a
// worker thread's resourceLimits cap only its JavaScript heap. The child gets a heap cap
// (--max-old-space-size), its resident memory and the CPU time it has used are watched, and a
// wall clock runs; overrunning any of them kills it, and the caller gets an error whose code
// says why. Time is judged by CPU time, which is the file's doing, with a longer wall clock
// behind it for a child that waits without computing: on a busy machine the wall clock runs
// out on the crowd, and a normal file would be called unsafe.

export interface ChildLimits {
  /** Wall-clock limit for the whole task, in ms. */
  timeoutMs?: number;
  /** CPU time the child may use (user and system, all its threads), in ms; by default timeoutMs. */
  cpuMs?: number;
  /** The child's JavaScript heap ceiling, in MB. */
  maxHeapMb?: number;
  /** The child's resident memory ceiling (heap, buffers, canvases, OCR), in MB. */
  maxRssMb?: number;
}

export interface IsolatedOptions extends ReadOptions, ChildLimits {}

export type ChildTask = { kind: 'read'; bytes: Uint8Array; options: ReadOptions } | { kind: 'pages'; bytes: Uint8Array };

type Reply = { ok: true; result: unknown } | { ok: false; code: string; message: string };

/** Codes of a reader that was stopped or died: the document could not be read safely, and is not read again. */
export const unsafeReadCodes = new Set(['timeout', 'too_large', 'reader_crashed', 'unsafe_pdf']);

const childScript = fileURLToPath(new URL('./isolated-child.ts', import.meta.url));
const preload = new URL('./preload.mjs', import.meta.url).href;
const tsx = import.meta.resolve('tsx');
const watchEveryMs = 100;
const pageBytes = 4096;
/** Linux reports process times in 1/100 s (USER_HZ) whatever the kernel's own tick. */
const ticksPerSecond = 100;

/** A process's resident memory in MB (from /proc), or null once it is gone. */
export async function residentMb(pid: number): Promise<number | null> {
  try {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8');
    return (Number(statm.split(' ')[1]) * pageBytes) / (1024 * 1024);
  } catch {
    return null;
  }
}

/** CPU time a process has used (user and system, all its threads), in ms, or null once it is gone. */
export async function cpuUsedMs(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, and it may hold spaces) come fields 3 on; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Runs one task in a fresh child process within the limits; its result, or an UnreadableDocumentError. */
export function runInChild(task: ChildTask, limits: ChildLimits = {}): Promise<unknown> {
  const { timeoutMs = 120_000, maxHeapMb = 1024, maxRssMb = 1536 } = limits;
  const cpuMs = limits.cpuMs ?? timeoutMs;
  const child = spawn(process.execPath, [`--max-old-space-size=${maxHeapMb}`, '--import', preload, '--import', tsx, childScript], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    // The environment is inherited: MALLOC_ARENA_MAX=1 from the npm scripts (docs/ARCHITECTURE.md).
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fn();
    };
    const stop = (code: string, message: string) => settle(() => reject(new UnreadableDocumentError(code, message)));
    const tooLong = () => stop('timeout', 'Reading this document took too long. Try a smaller or clearer copy.');
    const timer = setTimeout(tooLong, timeoutMs);
    const watch = setInterval(() => {
      if (!child.pid) return;
      void Promise.all([residentMb(child.pid), cpuUsedMs(child.pid)]).then(([mb, cpu]) => {
        if (mb !== null && mb > maxRssMb) stop('too_large', 'This document needs too much memory to read.');
        else if (cpu !== null && cpu > cpuMs) tooLong();
      });
    }, watchEveryMs);
    child.once('message', (reply: Reply) => {
      settle(() => (reply.ok ? resolve(reply.result) : reject(new UnreadableDocumentError(reply.code, reply.message))));
    });
    child.once('error', () => stop('reader_failed', 'The reader could not be started.'));
    child.once('exit', (code, signal) => {
      // A heap overrun ends in V8's fatal "out of memory" (SIGABRT or exit 134).
      const memory = /out of memory|invalid size|allocation failed/i.test(stderr);
      if (code === 0 && !signal) stop('reader_crashed', 'The reader stopped before finishing this document.');
      else if (memory) stop('too_large', 'This document needs too much memory to read.');
      else stop('reader_crashed', 'The reader stopped before finishing this document.');
    });
    child.send(task, (error) => {
      if (error) stop('reader_failed', 'The reader could not be started.');
    });
  });
}

/** Reads a certificate in its own process (see above). */
export async function readCertificateIsolated(bytes: Uint8Array, options: IsolatedOptions = {}): Promise<Extraction> {
  const { timeoutMs = 120_000, cpuMs, maxHeapMb, maxRssMb, ...readOptions } = options;
  return (await runInChild({ kind: 'read', bytes, options: { ...readOptions, timeoutMs } }, { timeoutMs, cpuMs, maxHeapMb, maxRssMb })) as Extraction;
}

/** The page count of a PDF, opened in its own process (see above). */
export async function pdfPagesIsolated(bytes: Uint8Array, limits: ChildLimits = {}): Promise<number> {
  return (await runInChild({ kind: 'pages', bytes }, limits)) as number;
}
