import type { Knex } from 'knex';

// Procore webhook deliveries, stored before we answer; the event id dedupes retries.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('webhook_events', (t) => {
    t.text('event_id').primary();
    t.bigInteger('company_id').notNullable();
    t.text('resource_name').notNullable();
    t.text('event_type').notNullable();
    t.bigInteger('resource_id').notNullable();
    t.bigInteger('project_id');
    t.jsonb('payload').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('processed_at', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('webhook_events');
}
