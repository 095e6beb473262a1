import type { Knex } from 'knex';

// express-session store for the first-party sign-in popup (OAuth state lives here).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('http_sessions', (t) => {
    t.text('sid').primary();
    t.jsonb('sess').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable().index();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('http_sessions');
}
