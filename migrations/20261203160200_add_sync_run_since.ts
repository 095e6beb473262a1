import type { Knex } from 'knex';

// A nightly run reads from Procore only what changed since the company's last finished run
// started (`filters[updated_at]`, where Procore has it); the bound is fixed when the run opens
// so a resumed run reads the same window. Null: read everything.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('sync_runs', (t) => {
    t.timestamp('changed_since', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('sync_runs', (t) => {
    t.dropColumn('changed_since');
  });
}
