import type { Knex } from 'knex';

// An address a user fixed in the Request COI dialog; remembered across directory re-reads.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('vendors', (t) => {
    t.text('email_override');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('vendors', (t) => {
    t.dropColumn('email_override');
  });
}
