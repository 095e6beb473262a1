import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDb, migrateLatest } from '../server/db';
import { startEmbeddedPostgres } from '../server/embedded-postgres';

// One PostgreSQL for the whole run: DATABASE_URL when given (CI points it at a real server),
// otherwise an embedded one in a temporary folder. Migrations run once into a template
// database; every test file clones it (test/db.ts), so files never share data.

declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl = process.env.DATABASE_URL;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), 'coi-test-pg-'));
    const { chown } = await import('node:fs/promises');
    const { execSync } = await import('node:child_process');
    if (process.getuid?.() === 0) {
      // The embedded server runs as `postgres`: it must be able to enter the temp folder.
      const uid = Number(execSync('id -u postgres').toString());
      await chown(dir, uid, 0);
    }
    const port = 55000 + Math.floor(Math.random() * 5000);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, persistent: false });
    adminUrl = db.url;
    stopEmbedded = db.stop;
  }
  const template = `coi_tpl_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  const db = createDb(withDatabase(adminUrl, template), { max: 2 });
  try {
    await migrateLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('dbAdminUrl', adminUrl);
  project.provide('dbTemplate', template);

  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await stopEmbedded?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
