import type { Knex } from 'knex';

// The request's timeline and audit trail: who or what did what, when, and why.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('request_events', (t) => {
    t.bigIncrements('id');
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('coi_requests.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.bigInteger('actor_user_id').references('users.id').onDelete('SET NULL');
    t.text('actor_label').notNullable();
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['request_id', 'at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('request_events');
}
