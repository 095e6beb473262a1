import type { Knex } from 'knex';

// How many times reading a document was started. Counted before the reader runs, so a reader
// that took its process down is seen on the next delivery of the job and not run blindly again.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('documents', (t) => {
    t.integer('read_attempts').notNullable().defaultTo(0);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('documents', (t) => {
    t.dropColumn('read_attempts');
  });
}
