import type { Knex } from 'knex';

// Company-level audit trail for changes that belong to no single request: requirement sets
// saved or removed, carrier tables imported. Who, when, what.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id');
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.bigInteger('actor_user_id').references('users.id').onDelete('SET NULL');
    t.text('actor_label').notNullable();
    t.text('kind').notNullable();
    t.jsonb('data').notNullable().defaultTo('{}');
    t.index(['company_id', 'at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('audit_events');
}
