import type { Knex } from 'knex';

// The Procore records the app created for a request, by id: updated on every write-back, never
// created twice (one per request and line), and the only ones the app ever changes or deletes.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('procore_records', (t) => {
    t.bigIncrements('id');
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('coi_requests.id').onDelete('CASCADE');
    /** "certificate" before a certificate is read, else the coverage line (general_liability, …). */
    t.text('line_key').notNullable();
    t.bigInteger('procore_id').notNullable();
    t.bigInteger('vendor_id').notNullable();
    /** null: a company-vendor record (global request); else the project-vendor record's project. */
    t.bigInteger('project_id');
    /** What was last written, to tell a hand change in Procore from our own. */
    t.jsonb('written').notNullable().defaultTo('{}');
    t.timestamp('written_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['request_id', 'line_key']);
    t.index(['company_id', 'procore_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('procore_records');
}
