import { afterAll, describe, expect, it } from 'vitest';
import { migrateLatest, migrationConfig, rollbackAll } from '../server/db';
import { createTestDatabase, type TestDatabase } from '../test/db';

let t: TestDatabase;
afterAll(async () => t?.drop());

async function tables(): Promise<string[]> {
  const rows = await t.db('information_schema.tables').where({ table_schema: 'public' }).select('table_name');
  return rows.map((r: { table_name: string }) => r.table_name).filter((n) => !n.startsWith('knex_')).sort();
}

describe('migrations', () => {
  it('run latest, roll everything back, and run latest again', async () => {
    t = await createTestDatabase();
    const before = await tables();
    expect(before).toContain('vendors');
    expect(before).toContain('procore_grants');

    const undone = await rollbackAll(t.db);
    expect(undone.length).toBeGreaterThan(0);
    expect(await tables()).toEqual([]);

    const applied = await migrateLatest(t.db);
    expect(applied).toEqual(undone.slice().reverse());
    expect(await tables()).toEqual(before);
    const [completed] = (await t.db.migrate.list(migrationConfig)) as [unknown[], unknown[]];
    expect(completed.length).toBe(applied.length);
  });
});
