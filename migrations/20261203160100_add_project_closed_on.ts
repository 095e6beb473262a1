import type { Knex } from 'knex';

// When a project closed (Procore marked it inactive): a requirement set's completed-operations
// tail runs from this date.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('projects', (t) => {
    t.date('closed_on');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('projects', (t) => {
    t.dropColumn('closed_on');
  });
}
