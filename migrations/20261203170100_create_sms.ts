import type { Knex } from 'knex';

// Text messages to subs, optional per company: the company's Twilio-compatible account (the
// auth token sealed like Procore tokens), the sub's mobile on each request, the numbers that
// replied STOP (per company), and the text outbox (dedupe_key unique, as for emails).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('sms_settings', (t) => {
    t.bigInteger('company_id').primary().references('companies.id').onDelete('CASCADE');
    t.boolean('enabled').notNullable().defaultTo(false);
    t.text('base_url');
    t.text('account_sid');
    t.text('auth_token_sealed');
    t.text('from_number');
    t.bigInteger('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
  });
  await db.schema.alterTable('coi_requests', (t) => {
    t.text('recipient_mobile');
  });
  await db.schema.createTable('sms_opt_outs', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.text('phone').notNullable();
    t.timestamp('opted_out_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['company_id', 'phone']);
  });
  await db.schema.createTable('texts', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('request_id').references('coi_requests.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('dedupe_key').notNullable().unique();
    t.text('to_number').notNullable();
    t.text('body').notNullable();
    t.text('status').notNullable().defaultTo('queued').checkIn(['queued', 'sending', 'sent', 'failed']);
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.text('provider_sid');
    t.timestamp('sending_at', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['request_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('texts');
  await db.schema.dropTable('sms_opt_outs');
  await db.schema.alterTable('coi_requests', (t) => {
    t.dropColumn('recipient_mobile');
  });
  await db.schema.dropTable('sms_settings');
}
