import type { Knex } from 'knex';

// A user's Procore OAuth grant. Both tokens are AES-256-GCM encrypted; the refresh token is
// single-use, so a refresh replaces both under a row lock in one transaction.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('procore_grants', (t) => {
    t.bigInteger('user_id').primary().references('users.id').onDelete('CASCADE');
    t.text('access_token_enc').notNullable();
    t.text('refresh_token_enc').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamps(true, true);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('procore_grants');
}
