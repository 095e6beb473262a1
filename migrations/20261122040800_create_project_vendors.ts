import type { Knex } from 'knex';

// Which vendors are in which project's directory.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('project_vendors', (t) => {
    t.bigInteger('company_id').notNullable();
    t.bigInteger('project_id').notNullable();
    t.bigInteger('vendor_id').notNullable();
    t.primary(['company_id', 'project_id', 'vendor_id']);
    t.foreign(['company_id', 'project_id']).references(['company_id', 'id']).inTable('projects').onDelete('CASCADE');
    t.foreign(['company_id', 'vendor_id']).references(['company_id', 'id']).inTable('vendors').onDelete('CASCADE');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('project_vendors');
}
