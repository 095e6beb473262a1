import type { Knex } from 'knex';

// Users who asked for the daily digest, per company. last_local_date is the company-local day
// the last digest was considered (sent or empty); last_until is where the next one starts.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('digest_subscriptions', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.date('last_local_date');
    t.timestamp('last_until', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['company_id', 'user_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('digest_subscriptions');
}
