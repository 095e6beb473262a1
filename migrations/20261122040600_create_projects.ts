import type { Knex } from 'knex';

// Projects mirrored from Procore.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('projects', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('id').notNullable();
    t.text('name').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('synced_at', { useTz: true }).notNullable();
    t.primary(['company_id', 'id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('projects');
}
