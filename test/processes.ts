import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/embedded-postgres';
import { freePort } from './stack';

// Real processes for crash tests: a throwaway PostgreSQL of their own (so it can be stopped
// without touching anyone else's), app servers and workers started as `npm start` and
// `npm run worker` start them.

const root = path.resolve(import.meta.dirname, '..');

export interface OwnPostgres {
  url: string;
  /** Stops PostgreSQL at once, as `pg_ctl stop -m immediate` does (no checkpoint; recovery on the next start). */
  crash(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function ownPostgres(): Promise<OwnPostgres> {
  const dir = await mkdtemp(path.join(tmpdir(), 'coi-crash-'));
  if (process.getuid?.() === 0) await chown(dir, Number(execSync('id -u postgres').toString()), 0);
  const dataDir = path.join(dir, 'postgres');
  const port = await freePort();
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  const url = server.url;
  return {
    url,
    async crash() {
      const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          break;
        }
      }
      server = null;
    },
    async start() {
      server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    },
    async close() {
      await server?.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts `script` (relative to the project root) under node as the npm scripts do; resolves once `readyLine` is printed. */
export async function startProcess(script: string, env: Record<string, string>, readyLine: RegExp): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', './server/certificates/preload.mjs', '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, MALLOC_ARENA_MAX: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (readyLine.test(output)) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`)));
    // Never left running behind a test that gave up on it.
    setTimeout(() => {
      if (readyLine.test(output)) return;
      child.kill('SIGKILL');
      reject(new Error(`${script} was not ready in 120 s:\n${output.slice(-3000)}`));
    }, 120_000).unref();
  });
  return {
    child,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Every process descended from `pid` (children started by any of its threads, theirs, and so on), from /proc. */
export async function descendantsOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const direct = (
    await Promise.all(tasks.map(async (t) => (await readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean).map(Number)))
  ).flat();
  return [...direct, ...(await Promise.all(direct.map(descendantsOf))).flat()];
}
