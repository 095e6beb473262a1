import type { Knex } from 'knex';

// Outgoing email, written before it is sent. dedupe_key makes every email (the request, each
// reminder) exist once, so restarts and second workers never send it twice.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('emails', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('request_id').references('coi_requests.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('dedupe_key').notNullable().unique();
    t.text('from_name').notNullable();
    t.specificType('to_addresses', 'text[]').notNullable();
    t.specificType('cc_addresses', 'text[]').notNullable().defaultTo('{}');
    t.text('subject').notNullable();
    t.text('text_body').notNullable();
    t.text('html_body').notNullable();
    t.text('status').notNullable().defaultTo('queued').checkIn(['queued', 'sent', 'failed']);
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['request_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('emails');
}
