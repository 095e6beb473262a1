import type { Knex } from 'knex';

// Nightly sync runs per company: where a run is (phase and cursor, so a crash or a long rate
// limit resumes there) and what it did (read, changed, written, skipped, failed).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('sync_runs', (t) => {
    t.bigIncrements('id');
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.text('phase').notNullable();
    t.text('cursor');
    t.jsonb('counts').notNullable().defaultTo('{}');
    t.text('last_error');
    t.index(['company_id', 'started_at']);
  });
  await db.raw('CREATE UNIQUE INDEX sync_runs_one_open ON sync_runs (company_id) WHERE finished_at IS NULL');
  await db.schema.alterTable('company_settings', (t) => {
    t.text('time_zone').notNullable().defaultTo('America/New_York');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('company_settings', (t) => {
    t.dropColumn('time_zone');
  });
  await db.schema.dropTable('sync_runs');
}
