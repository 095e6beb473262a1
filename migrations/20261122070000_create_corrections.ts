import type { Knex } from 'knex';

// Values a compliance manager corrected on a read certificate: who, why, when, and the value
// before. The corrected extraction itself lives in documents.extraction (what the checker reads).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('extraction_corrections', (t) => {
    t.bigIncrements('id');
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('document_id').notNullable().references('documents.id').onDelete('CASCADE');
    t.text('pointer').notNullable();
    t.jsonb('previous');
    t.jsonb('value');
    t.text('reason').notNullable();
    t.bigInteger('actor_user_id').references('users.id').onDelete('SET NULL');
    t.text('actor_label').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['document_id', 'at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('extraction_corrections');
}
