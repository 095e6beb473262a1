import type { Knex } from 'knex';

// A request for a certificate from one vendor, for one project or for all projects (global).
// At most one active request per vendor and scope: a partial unique index, so double clicks,
// retries and racing servers cannot create a second one.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('coi_requests', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('project_id');
    t.text('origin').notNullable().checkIn(['click', 'global', 'commitment', 'automatic']);
    t.bigInteger('commitment_id');
    t.text('status')
      .notNullable()
      .checkIn(['pending', 'under_review', 'awaiting_new_coi', 'compliant', 'waived', 'cancelled', 'archived']);
    t.text('recipient_email').notNullable();
    t.text('broker_email');
    t.bigInteger('requested_by').references('users.id').onDelete('SET NULL');
    t.integer('reminders_sent').notNullable().defaultTo(0);
    t.timestamp('first_upload_at', { useTz: true });
    t.timestamp('deleted_at', { useTz: true });
    t.bigInteger('deleted_by').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
    t.foreign(['company_id', 'vendor_id']).references(['company_id', 'id']).inTable('vendors');
    t.index(['company_id', 'project_id']);
    t.index(['company_id', 'vendor_id']);
  });
  await db.raw(`
    CREATE UNIQUE INDEX coi_requests_one_active
      ON coi_requests (company_id, vendor_id, COALESCE(project_id, 0))
      WHERE deleted_at IS NULL AND status NOT IN ('cancelled', 'archived')`);
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('coi_requests');
}
