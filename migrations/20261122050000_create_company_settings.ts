import type { Knex } from 'knex';

// Per-company settings: automatic commitment requests, reminder cadence, upload-link lifetime,
// and the shared secret Procore sends with our webhook deliveries (hashed).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('company_settings', (t) => {
    t.bigInteger('company_id').primary().references('companies.id').onDelete('CASCADE');
    t.boolean('auto_request_commitments').notNullable().defaultTo(false);
    t.specificType('reminder_days', 'integer[]').notNullable().defaultTo('{3,7,14}');
    t.integer('reminder_every_days').notNullable().defaultTo(7);
    t.integer('link_ttl_days').notNullable().defaultTo(30);
    t.binary('webhook_secret_hash');
    t.bigInteger('webhook_hook_id');
    t.bigInteger('automation_user_id').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('company_settings');
}
