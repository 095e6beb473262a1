import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// npm run bench:startup — time from `npm start` to ready (the printed line and a healthy
// /api/health), on a fresh data folder (first start: initdb + migrations) and again (restart).

const root = path.resolve(import.meta.dirname, '../..');

async function once(dataDir: string, label: string): Promise<void> {
  const t0 = performance.now();
  // The same command as `npm start` (package.json), without npm's own start-up time.
  const child = spawn(process.execPath, ['--import', './server/certificates/preload.mjs', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '3917', APP_URL: 'http://localhost:3917', EMULATOR_PORT: '4917', MAIL_SINK_PORT: '2917', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let line = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      line += chunk.toString();
      if (line.includes('ready in')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${line}`)));
  });
  const printed = performance.now() - t0;
  const health = await (await fetch('http://localhost:3917/api/health')).json();
  const healthy = performance.now() - t0;
  console.log(`${label}: ready line after ${printed.toFixed(0)} ms, /api/health ${JSON.stringify(health)} after ${healthy.toFixed(0)} ms`);
  console.log(`  ${line.trim().split('\n').pop()}`);
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
}

const dir = mkdtempSync(path.join(tmpdir(), 'coi-startup-'));
try {
  await once(dir, 'first start (fresh .data)');
  await once(dir, 'restart');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
