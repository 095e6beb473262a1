import type { Knex } from 'knex';

// Subcontracts (work order contracts) and purchase orders mirrored from Procore.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('commitments', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('id').notNullable();
    t.bigInteger('project_id').notNullable();
    t.bigInteger('vendor_id');
    t.text('kind').notNullable().checkIn(['work_order', 'purchase_order']);
    t.text('number');
    t.text('title');
    t.text('status').notNullable();
    t.decimal('grand_total', 16, 2);
    t.timestamp('procore_created_at', { useTz: true });
    t.timestamp('synced_at', { useTz: true }).notNullable();
    t.primary(['company_id', 'id']);
    t.index(['company_id', 'project_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('commitments');
}
