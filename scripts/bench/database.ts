import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrateLatest } from '../../server/db';
import { startEmbeddedPostgres } from '../../server/embedded-postgres';
import type { TestDatabase } from '../../test/db';

// A fresh migrated database for a benchmark: on DATABASE_URL's server when set, else embedded.

async function admin(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function benchDatabase(): Promise<TestDatabase> {
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), 'coi-bench-'));
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 55900 + Math.floor(Math.random() * 90), persistent: false });
    adminUrl = db.url;
    stopEmbedded = db.stop;
  }
  const name = `coi_bench_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = createDb(u.toString(), { max: 10 });
  await migrateLatest(db);
  return {
    url: u.toString(),
    db,
    async drop() {
      await db.destroy();
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await stopEmbedded?.();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
