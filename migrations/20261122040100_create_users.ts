import type { Knex } from 'knex';

// Procore users who have connected the app. A person may belong to several companies;
// what they may see is decided per company (company_users).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('users', (t) => {
    t.bigInteger('id').primary();
    t.text('login').notNullable();
    t.text('name').notNullable();
    t.timestamps(true, true);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('users');
}
