import type { Knex } from 'knex';

// A company's insurance requirements: its default (project_id null) and per-project overrides.
// body is the parsed requirement set. One row per scope: the unique index treats "no project"
// as its own scope, since a plain unique constraint would let NULLs repeat.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('requirement_sets', (t) => {
    t.bigIncrements('id');
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('project_id');
    t.jsonb('body').notNullable();
    t.bigInteger('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.foreign(['company_id', 'project_id']).references(['company_id', 'id']).inTable('projects').onDelete('CASCADE');
  });
  await db.raw('CREATE UNIQUE INDEX requirement_sets_one_per_scope ON requirement_sets (company_id, COALESCE(project_id, 0))');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('requirement_sets');
}
