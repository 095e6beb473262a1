import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viteClient } from './client-assets';

// In development Vite's middleware serves files by path; it must serve the client's sources and
// nothing else of the project (above all not the data folder, where the development SECRET_KEY lives).

const root = path.resolve(import.meta.dirname, '..');
const probeName = `vite-probe-${randomBytes(6).toString('hex')}.txt`;
const probeContent = `probe-content-${randomBytes(6).toString('hex')}`;
const probe = path.join(root, '.data', probeName);
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(path.dirname(probe), { recursive: true });
  writeFileSync(probe, probeContent);
  const app = express();
  (await viteClient({ hmr: false }))(app);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  rmSync(probe, { force: true });
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe('Vite in development', () => {
  it('serves the client sources', async () => {
    const res = await fetch(`${base}/src/main.tsx`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('createRoot');
  });

  for (const file of [`.data/${probeName}`, 'package.json', 'server/config.ts', 'server/secret-key.ts']) {
    it(`refuses /@fs/…/${file.replace(probeName, '<file>')}`, async () => {
      for (const suffix of ['', '?raw', '?import&raw']) {
        const res = await fetch(`${base}/@fs${path.join(root, file)}${suffix}`);
        expect(res.status, `${file}${suffix}`).toBe(403);
        const body = await res.text();
        expect(body).not.toContain(probeContent);
        expect(body).not.toMatch(/^import /m);
      }
    });
  }
});
