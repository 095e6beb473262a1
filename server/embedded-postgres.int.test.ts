import { chown, mkdtemp, rm } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/stack';
import { startEmbeddedPostgres } from './embedded-postgres';

// The default without DATABASE_URL: a real PostgreSQL whose data survives a restart.
// This runs even when the rest of the suite uses an external server.

let dir: string;
afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('boots, keeps data across a restart and stops cleanly', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'coi-embedded-'));
    if (process.getuid?.() === 0) await chown(dir, Number(execSync('id -u postgres').toString()), 0);
    const dataDir = path.join(dir, 'postgres');
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port });
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES (\'still here\')');
    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port });
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await second.stop();
  });
});
