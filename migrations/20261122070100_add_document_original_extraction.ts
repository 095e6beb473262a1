import type { Knex } from 'knex';

// The reader's own extraction, kept when a person first corrects a value (documents.extraction
// then holds the corrected one, which is what the compliance check reads).
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('documents', (t) => {
    t.jsonb('original_extraction');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('documents', (t) => {
    t.dropColumn('original_extraction');
  });
}
