import type { Knex } from 'knex';

// Which companies a user can see in Procore, as Procore last told us; the tenancy check.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('company_users', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('checked_at', { useTz: true }).notNullable();
    t.primary(['company_id', 'user_id']);
    t.index(['user_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('company_users');
}
