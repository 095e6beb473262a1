import type { Knex } from 'knex';

// What Procore should be told: one row per request whose Procore records must be brought up to
// date. Every change bumps `wanted`; the write-back job records the version it completed in
// `done`, so a change made while a write runs is never lost and two changes make one write.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('procore_writebacks', (t) => {
    t.uuid('request_id').primary().references('coi_requests.id').onDelete('CASCADE');
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.integer('wanted').notNullable().defaultTo(1);
    t.integer('done').notNullable().defaultTo(0);
    t.integer('failures').notNullable().defaultTo(0);
    t.text('last_error');
    /** The company has no working grant for background work: written once one is connected. */
    /** A worker is writing until then; another one leaves it alone (a crashed one's lease runs out). */
    t.timestamp('claimed_until', { useTz: true });
    t.boolean('waiting_for_grant').notNullable().defaultTo(false);
    t.timestamp('written_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['company_id']);
  });
  await db.raw('CREATE INDEX procore_writebacks_due ON procore_writebacks (updated_at) WHERE done < wanted');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('procore_writebacks');
}
