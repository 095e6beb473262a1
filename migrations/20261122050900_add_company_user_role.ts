import type { Knex } from 'knex';

// The app role a user has in a company, from Procore (insurance managers manage compliance).
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('company_users', (t) => {
    t.text('role').notNullable().defaultTo('inviter').checkIn(['inviter', 'compliance_manager']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('company_users', (t) => {
    t.dropColumn('role');
  });
}
