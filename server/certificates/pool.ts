import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UnreadableDocumentError } from '../errors';
import type { ChildLimits, ChildTask } from './isolated';
import { cpuUsedMs, residentMb } from './proc-stats';

// Warm reader processes: each child is started the same way a fresh one was (heap cap, pdf.js
// preloaded, tsx) and then serves one task at a time over IPC, so a task no longer pays about a
// second of CPU to start node. Every task keeps its own limits: the CPU time the child uses
// during that task (a delta of /proc/<pid>/stat), its resident memory, and a wall clock. A child
// that overruns or dies is killed and dropped, and the next task gets a fresh one; a child is
// also retired after `maxTasks` tasks or when its resident memory after a task stays above
// `recycleRssMb`, so a leak or a grown malloc arena cannot build up, and after `idleMs` unused,
// so a quiet process gives its memory back. Children start lazily (a
// process that never reads starts none, and a child that cannot start cannot loop), are unref'd
// while idle (they never keep their parent alive), are killed when the parent exits, and kill
// themselves if the parent disappears (isolated-child.ts).

export interface PoolOptions {
  /** Tasks run at once; the others wait their turn (the wall clock starts when it comes). */
  size: number;
  /** The children's JavaScript heap ceiling, in MB. */
  maxHeapMb: number;
  /** Tasks one child serves before it is replaced. */
  maxTasks?: number;
  /** A child whose resident memory after a task is above this is replaced, in MB. */
  recycleRssMb?: number;
  /** A child left idle this long is ended, so a quiet process gives its memory back, in ms. */
  idleMs?: number;
}

type Reply = { ok: true; result: unknown } | { ok: false; code: string; message: string };
type Message = { ready: true } | { reply: Reply };

interface Reader {
  child: ChildProcess;
  ready: Promise<boolean>;
  stderr: string;
  tasks: number;
  idleTimer?: NodeJS.Timeout;
}

const childScript = fileURLToPath(new URL('./isolated-child.ts', import.meta.url));
const preload = new URL('./preload.mjs', import.meta.url).href;
const tsx = import.meta.resolve('tsx');
const watchEveryMs = 100;
const all = new Set<ChildProcess>();
const crashed = 'The reader stopped before finishing this document.';
const tooLarge = 'This document needs too much memory to read.';

// Whatever way this process ends, its readers end with it (a SIGKILL is covered by the child's own watch).
process.once('exit', () => {
  for (const child of all) child.kill('SIGKILL');
});

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Idle readers must not keep the parent's event loop alive; busy ones do. */
function hold(reader: Reader, busy: boolean): void {
  const handles = [reader.child, reader.child.channel, reader.child.stderr] as ({ ref(): void; unref(): void } | null | undefined)[];
  for (const handle of handles) {
    if (busy) handle?.ref();
    else handle?.unref();
  }
}

export class ReaderPool {
  private idle: Reader[] = [];
  private readonly children = new Set<ChildProcess>();
  private running = 0;
  private waiting: (() => void)[] = [];
  private closed = false;
  private readonly maxTasks: number;
  private readonly recycleRssMb: number;
  private readonly idleMs: number;

  constructor(private readonly options: PoolOptions) {
    this.maxTasks = options.maxTasks ?? 200;
    this.recycleRssMb = options.recycleRssMb ?? 400;
    this.idleMs = options.idleMs ?? 5 * 60_000;
  }

  /** Tasks running now. */
  get busy(): number {
    return this.running;
  }

  /** The pids of this pool's children now alive. */
  pids(): number[] {
    return [...this.children].flatMap((child) => (child.pid && alive(child) ? [child.pid] : []));
  }

  /** Lets more tasks run at once (a pool shared by callers that ask for different sizes). */
  grow(size: number): void {
    while (this.options.size < size) {
      this.options.size += 1;
      this.waiting.shift()?.();
    }
  }

  /** Runs one task in a warm child within the limits; its result, or an UnreadableDocumentError. */
  async run(task: ChildTask, limits: ChildLimits = {}): Promise<unknown> {
    if (this.running < this.options.size) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      if (this.closed) throw new UnreadableDocumentError('reader_failed', 'The reader is shutting down.');
      const warm = this.idle.pop();
      if (warm) clearTimeout(warm.idleTimer);
      return await this.dispatch(warm ?? this.start(), task, limits);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Kills the idle children now and each busy one when its task ends; resolves once the idle ones are gone. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    for (const reader of idle) clearTimeout(reader.idleTimer);
    await Promise.all(idle.map(({ child }) => killChild(child)));
  }

  /** Ends an idle child (left unused for `idleMs`). */
  private retire(reader: Reader): void {
    if (!this.idle.includes(reader)) return;
    this.idle = this.idle.filter((r) => r !== reader);
    this.children.delete(reader.child);
    void killChild(reader.child);
  }

  private start(): Reader {
    const child = spawn(process.execPath, [`--max-old-space-size=${this.options.maxHeapMb}`, '--import', preload, '--import', tsx, childScript], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      // The environment is inherited: MALLOC_ARENA_MAX=1 from the npm scripts (docs/ARCHITECTURE.md).
    });
    all.add(child);
    this.children.add(child);
    child.once('exit', () => {
      all.delete(child);
      this.children.delete(child);
      this.idle = this.idle.filter((r) => r.child !== child);
    });
    const reader: Reader = { child, stderr: '', tasks: 0, ready: Promise.resolve(false) };
    child.stderr?.on('data', (chunk: Buffer) => {
      reader.stderr = (reader.stderr + chunk.toString('utf8')).slice(-4096);
    });
    reader.ready = new Promise<boolean>((resolve) => {
      child.once('message', (m: Message) => resolve('ready' in m));
      child.once('exit', () => resolve(false));
      child.once('error', () => resolve(false));
    });
    return reader;
  }

  private dispatch(reader: Reader, task: ChildTask, limits: ChildLimits): Promise<unknown> {
    const { timeoutMs = 120_000, maxRssMb = 1536 } = limits;
    const cpuMs = limits.cpuMs ?? timeoutMs;
    const { child } = reader;
    reader.stderr = '';
    hold(reader, true);
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      let cpuAtStart: number | null = null;
      const onMessage = (m: Message) => {
        if ('reply' in m) void finish(m.reply);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        // A heap overrun ends in V8's fatal "out of memory" (SIGABRT or exit 134).
        const memory = /out of memory|invalid size|allocation failed/i.test(reader.stderr);
        if (code !== 0 || signal) stop(memory ? 'too_large' : 'reader_crashed', memory ? tooLarge : crashed);
        else stop('reader_crashed', crashed);
      };
      const cleanup = () => {
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const stop = (code: string, message: string) => {
        if (settled) return;
        cleanup();
        if (alive(child)) child.kill('SIGKILL');
        reject(new UnreadableDocumentError(code, message));
      };
      const finish = async (reply: Reply) => {
        if (settled) return;
        cleanup();
        reader.tasks += 1;
        const rss = child.pid ? await residentMb(child.pid) : null;
        // Over the cap at the end, though no watch saw it: the task is refused, as a watch would have.
        if (rss !== null && rss > maxRssMb) {
          this.children.delete(child);
          void killChild(child);
          return reject(new UnreadableDocumentError('too_large', tooLarge));
        }
        if (this.closed || reader.tasks >= this.maxTasks || rss === null || rss > this.recycleRssMb) {
          this.children.delete(child);
          void killChild(child);
        } else {
          hold(reader, false);
          this.idle.push(reader);
          reader.idleTimer = setTimeout(() => this.retire(reader), this.idleMs).unref();
        }
        if (reply.ok) resolve(reply.result);
        else reject(new UnreadableDocumentError(reply.code, reply.message));
      };
      const tooLong = () => stop('timeout', 'Reading this document took too long. Try a smaller or clearer copy.');
      const timer = setTimeout(tooLong, timeoutMs);
      const watch = setInterval(() => {
        if (!child.pid || cpuAtStart === null) return;
        void Promise.all([residentMb(child.pid), cpuUsedMs(child.pid)]).then(([mb, cpu]) => {
          if (mb !== null && mb > maxRssMb) stop('too_large', tooLarge);
          else if (cpu !== null && cpuAtStart !== null && cpu - cpuAtStart > cpuMs) tooLong();
        });
      }, watchEveryMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (!alive(child)) return onExit(child.exitCode, child.signalCode);
      void reader.ready.then(async (ready) => {
        if (settled) return;
        if (!ready) return stop('reader_failed', 'The reader could not be started.');
        // The task's CPU time is counted from here: a warm child's earlier work is not this file's doing.
        cpuAtStart = (child.pid ? await cpuUsedMs(child.pid) : null) ?? 0;
        if (settled) return;
        // Memory is looked at before the task too: a quick task could end between two watches. A warm
        // child over the cap (memory kept from earlier tasks) gives way to a fresh one; a fresh one over
        // it means the cap cannot hold this task at all.
        const before = child.pid ? await residentMb(child.pid) : null;
        if (settled) return;
        if (before !== null && before > maxRssMb) {
          if (reader.tasks === 0) return stop('too_large', tooLarge);
          cleanup();
          this.children.delete(child);
          void killChild(child);
          return resolve(this.dispatch(this.start(), task, limits));
        }
        child.send({ task }, (error) => {
          if (error) stop('reader_failed', 'The reader could not be started.');
        });
      });
    });
  }
}

function killChild(child: ChildProcess): Promise<void> {
  if (!alive(child)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const pools = new Map<number, ReaderPool>();

/** This process's pool of readers with the given heap cap, at least `size` tasks at once. */
export function readerPool(maxHeapMb: number, size = 1): ReaderPool {
  let pool = pools.get(maxHeapMb);
  if (!pool) pools.set(maxHeapMb, (pool = new ReaderPool({ size, maxHeapMb })));
  pool.grow(size);
  return pool;
}

/** Tasks running now in this process's pools. */
export function readersBusy(): number {
  return [...pools.values()].reduce((n, pool) => n + pool.busy, 0);
}

/** Closes this process's pools (on shutdown). */
export async function closeReaderPools(): Promise<void> {
  const closing = [...pools.values()];
  pools.clear();
  await Promise.all(closing.map((pool) => pool.close()));
}
