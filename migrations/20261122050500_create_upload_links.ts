import type { Knex } from 'knex';

// Personal upload links. The 32-byte token is found by its SHA-256; it is also kept sealed
// (AES-256-GCM) so reminders and deficiency notices can carry the same link.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('upload_links', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('coi_requests.id').onDelete('CASCADE');
    t.binary('token_hash').notNullable().unique();
    t.text('token_enc').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['request_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('upload_links');
}
