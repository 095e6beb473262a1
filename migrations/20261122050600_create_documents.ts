import type { Knex } from 'knex';

// Uploaded files, kept in PostgreSQL with their SHA-256 and size. The same file sent twice for
// one request is stored once. extraction holds what the certificate reader read.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('documents', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('coi_requests.id').onDelete('CASCADE');
    t.uuid('upload_id').notNullable();
    t.text('filename').notNullable();
    t.text('content_type').notNullable();
    t.integer('size').notNullable();
    t.binary('sha256').notNullable();
    t.binary('bytes').notNullable();
    t.text('read_status').notNullable().defaultTo('queued').checkIn(['queued', 'read', 'failed']);
    t.jsonb('extraction');
    t.text('read_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['request_id', 'sha256']);
    t.index(['upload_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('documents');
}
