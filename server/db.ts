import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import knex, { type Knex } from 'knex';

export type Db = Knex;

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

export function createDb(databaseUrl: string, pool: { min?: number; max?: number } = {}): Db {
  return knex({
    client: 'pg',
    connection: { connectionString: databaseUrl, application_name: 'coi-compliance' },
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
  });
}

interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/** Loads migrations/*.ts directly (the app runs under tsx), ordered by their timestamped names. */
class TypeScriptMigrations implements Knex.MigrationSource<string> {
  async getMigrations(): Promise<string[]> {
    return readdirSync(migrationsDir)
      .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
      .sort();
  }
  getMigrationName(name: string): string {
    return name;
  }
  async getMigration(name: string): Promise<Migration> {
    return (await import(pathToFileURL(path.join(migrationsDir, name)).href)) as Migration;
  }
}

export const migrationConfig: Knex.MigratorConfig = {
  migrationSource: new TypeScriptMigrations(),
  tableName: 'knex_migrations',
};

export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(migrationConfig)) as [number, string[]];
  return applied;
}

export async function rollbackAll(db: Db): Promise<string[]> {
  const [, undone] = (await db.migrate.rollback(migrationConfig, true)) as [number, string[]];
  return undone;
}

export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await db.raw('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
