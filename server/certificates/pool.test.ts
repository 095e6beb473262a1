import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { ReaderPool } from './pool';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/certificates', name));
const text = fixture('text-1.pdf');
const multipage = fixture('multipage-1.pdf');
/** A scan: OCR takes seconds of CPU, so a 1 s allowance surely runs out. */
const scan = fixture('scanned-1.pdf');
const pools: ReaderPool[] = [];
const pool = (options: Partial<ConstructorParameters<typeof ReaderPool>[0]> = {}) => {
  const p = new ReaderPool({ size: 1, maxHeapMb: 1024, ...options });
  pools.push(p);
  return p;
};
afterAll(async () => Promise.all(pools.map((p) => p.close())));

/** Whether a process is running (a zombie waiting for its new parent to reap it counts as gone). */
async function running(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (!(await running(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !(await running(pid));
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

describe('ReaderPool', () => {
  it('serves the next task from the same warm child, and the task sees nothing of the one before', async () => {
    const readers = pool();
    const [first, cold] = await timed(() => readers.run({ kind: 'read', bytes: text, options: {} }));
    const [pid] = readers.pids();
    expect(pid).toBeGreaterThan(0);
    await readers.run({ kind: 'read', bytes: multipage, options: {} });
    const [again, warm] = await timed(() => readers.run({ kind: 'read', bytes: text, options: {} }));
    expect(readers.pids()).toEqual([pid]);
    // A cold task also starts node, tsx and pdf.js (about a second of CPU); a warm one does not.
    // Printed, not asserted: timings belong to benchmarks (npm run bench:cluster).
    expect(again).toEqual(first);
    console.log(`reader pool: first task ${cold.toFixed(0)} ms (child started), same file again in the warm child ${warm.toFixed(0)} ms`);
  }, 120_000);

  it('runs no more tasks at once than its size; the rest wait their turn', async () => {
    const readers = pool();
    const done: string[] = [];
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, readers.pids().length)), 20);
    // A scan takes seconds of OCR; a PDF's page count behind it would take a moment on its own.
    const first = readers.run({ kind: 'read', bytes: scan, options: {} }).then(() => done.push('scan'));
    const second = readers.run({ kind: 'pages', bytes: multipage }).then((pages) => done.push(`pages ${String(pages)}`));
    expect(readers.busy).toBe(1);
    await Promise.all([first, second]).finally(() => clearInterval(watch));
    expect(done).toEqual(['scan', expect.stringMatching(/^pages [1-9]/)]);
    expect(most).toBe(1);
  }, 120_000);

  it('kills only the child whose task overran; the next task gets a fresh one', async () => {
    const readers = pool({ size: 2 });
    // Two at once: two children.
    await Promise.all([readers.run({ kind: 'pages', bytes: text }), readers.run({ kind: 'pages', bytes: text })]);
    const warm = readers.pids();
    expect(warm).toHaveLength(2);
    await expect(readers.run({ kind: 'read', bytes: scan, options: {} }, { timeoutMs: 120_000, cpuMs: 1000 })).rejects.toMatchObject({ code: 'timeout' });
    // SIGKILL is sent at once; the process may take a moment to be gone.
    let alive = await Promise.all(warm.map(running));
    for (let i = 0; i < 50 && alive.every(Boolean); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alive = await Promise.all(warm.map(running));
    }
    expect(alive.filter(Boolean)).toHaveLength(1);
    const survivor = warm[alive.indexOf(true)]!;
    const killed = warm[alive.indexOf(false)]!;
    // The survivor is idle and warm; two tasks at once take it and a fresh child.
    expect(await Promise.all([readers.run({ kind: 'pages', bytes: multipage }), readers.run({ kind: 'pages', bytes: text })])).toEqual([expect.any(Number), 1]);
    const now = readers.pids();
    expect(now).toContain(survivor);
    expect(now).not.toContain(killed);
    expect(now).toHaveLength(2);
  }, 120_000);

  it('replaces a child after its number of tasks, or when its memory stays high after a task', async () => {
    const counted = pool({ maxTasks: 2 });
    await counted.run({ kind: 'pages', bytes: text });
    const [first] = counted.pids();
    await counted.run({ kind: 'pages', bytes: text });
    expect(await goneWithin(first!, 5000)).toBe(true);
    await counted.run({ kind: 'pages', bytes: text });
    expect(counted.pids()).not.toContain(first);

    const lean = pool({ recycleRssMb: 1 });
    await lean.run({ kind: 'pages', bytes: text });
    expect(lean.pids()).toEqual([]);
  }, 120_000);

  it('holds the memory cap even for a task quicker than its watch; a warm child over it gives way to a fresh one', async () => {
    const readers = pool();
    await readers.run({ kind: 'pages', bytes: text });
    const [warm] = readers.pids();
    // No node process fits in 1 MB: the warm child is replaced, and the fresh one is refused too.
    await expect(readers.run({ kind: 'pages', bytes: text }, { maxRssMb: 1 })).rejects.toMatchObject({ code: 'too_large' });
    expect(await goneWithin(warm!, 5000)).toBe(true);
    expect(await readers.run({ kind: 'pages', bytes: text })).toBe(1);
  }, 60_000);

  it('ends a child left idle, and the next task starts a fresh one', async () => {
    const quiet = pool({ idleMs: 300 });
    await quiet.run({ kind: 'pages', bytes: text });
    const [pid] = quiet.pids();
    expect(await goneWithin(pid!, 5000)).toBe(true);
    expect(quiet.pids()).toEqual([]);
    await quiet.run({ kind: 'pages', bytes: text });
    expect(quiet.pids()).toHaveLength(1);
    expect(quiet.pids()).not.toContain(pid);
  }, 60_000);

  it('closes without leaving a child', async () => {
    const readers = new ReaderPool({ size: 1, maxHeapMb: 1024 });
    await readers.run({ kind: 'pages', bytes: text });
    const [pid] = readers.pids();
    await readers.close();
    expect(await running(pid!)).toBe(false);
    await expect(readers.run({ kind: 'pages', bytes: text })).rejects.toMatchObject({ code: 'reader_failed' });
  }, 60_000);

  for (const [how, args] of [
    ['exits on its own', ['exit']],
    ['is killed while its reader is busy', ['busy']],
  ] as const) {
    it(`leaves no reader behind when its parent ${how}`, async () => {
      const parent = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../test/reader-pool-parent.ts'), ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let reader = 0;
      const exited = new Promise((resolve) => parent.once('exit', resolve));
      for await (const line of createInterface({ input: parent.stdout })) {
        if (line.startsWith('reader ')) reader = Number(line.slice(7));
        if (line.startsWith('busy ')) {
          // The reader is reading a scan (seconds of OCR) when its parent dies.
          reader = Number(line.slice(5));
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(await running(reader), 'the busy reader runs before its parent is killed').toBe(true);
          parent.kill('SIGKILL');
        }
      }
      await exited;
      expect(reader).toBeGreaterThan(0);
      expect(await goneWithin(reader, 5000), 'the reader is gone after its parent').toBe(true);
    }, 120_000);
  }
});
