import type { Knex } from 'knex';

// Procore companies that have used the app. Ids are Procore's int64 ids.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('companies', (t) => {
    t.bigInteger('id').primary();
    t.text('name').notNullable();
    t.timestamps(true, true);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('companies');
}
