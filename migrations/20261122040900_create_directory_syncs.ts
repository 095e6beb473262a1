import type { Knex } from 'knex';

// When each directory (company, or one project) was last read from Procore.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('directory_syncs', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('project_id').notNullable().defaultTo(0);
    t.timestamp('synced_at', { useTz: true }).notNullable();
    t.integer('vendor_count').notNullable();
    t.primary(['company_id', 'project_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('directory_syncs');
}
