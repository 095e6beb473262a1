import type { Knex } from 'knex';

// How many days before a policy expires the company asks for its renewal (Settings).
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('company_settings', (t) => {
    t.integer('renewal_days').notNullable().defaultTo(30);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('company_settings', (t) => {
    t.dropColumn('renewal_days');
  });
}
