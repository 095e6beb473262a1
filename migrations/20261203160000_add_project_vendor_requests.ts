import type { Knex } from 'knex';

// A company may ask for a COI when a vendor joins a project directory (Procore's "Project
// Vendors" create event). An event that could not become a request keeps the reason
// (`outcome`), so a person sees it instead of the request silently not happening.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('company_settings', (t) => {
    t.boolean('auto_request_project_vendors').notNullable().defaultTo(false);
  });
  await db.schema.alterTable('webhook_events', (t) => {
    t.text('outcome');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('webhook_events', (t) => {
    t.dropColumn('outcome');
  });
  await db.schema.alterTable('company_settings', (t) => {
    t.dropColumn('auto_request_project_vendors');
  });
}
