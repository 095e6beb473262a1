import type { Knex } from 'knex';

// A review opened from the side panel, waiting for the same user's full-screen app to pick it
// up (Procore's full-screen URL carries only the company and project): one per user and company.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('review_handoffs', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('coi_requests.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['company_id', 'user_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('review_handoffs');
}
