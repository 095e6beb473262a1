import type { Knex } from 'knex';

// What the compliance evaluator decided about a certificate for a request. fingerprint is a
// hash of the findings: the same read evaluated again with the same result is the same
// verdict, so its effects (status change, deficiency email) happen once.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('verdicts', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('coi_requests.id').onDelete('CASCADE');
    t.uuid('document_id').notNullable().references('documents.id').onDelete('CASCADE');
    t.text('outcome').notNullable().checkIn(['compliant', 'deficient', 'needs_review']);
    t.text('fingerprint').notNullable();
    t.jsonb('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['request_id', 'document_id', 'fingerprint']);
    t.index(['company_id', 'request_id', 'created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('verdicts');
}
