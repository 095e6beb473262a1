import type { Knex } from 'knex';

// The portal's per-address rate limit, shared by every app server: one fixed window per
// address (kept as a SHA-256, never the address itself).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('portal_rate_limits', (t) => {
    t.binary('key').primary();
    t.timestamp('window_start', { useTz: true }).notNullable();
    t.integer('used').notNullable();
    t.index(['window_start']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('portal_rate_limits');
}
