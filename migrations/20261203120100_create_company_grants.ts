import type { Knex } from 'knex';

// The grant background work uses for a company (write-back, nightly sync, webhook follow-ups):
// connected once by a company admin, never whichever user last clicked. Today only the DMSA
// (client-credentials) kind exists; its access token is cached encrypted.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('company_grants', (t) => {
    t.bigInteger('company_id').primary().references('companies.id').onDelete('CASCADE');
    t.text('kind').notNullable().checkIn(['dmsa']);
    t.bigInteger('connected_by').references('users.id').onDelete('SET NULL');
    t.text('connected_by_name').notNullable();
    t.timestamp('connected_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.text('access_token_enc');
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('last_ok_at', { useTz: true });
    t.text('last_error');
    t.timestamp('last_error_at', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('company_grants');
}
