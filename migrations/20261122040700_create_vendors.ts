import type { Knex } from 'knex';

// The company directory mirrored from Procore (vendors). email_override is the address a
// user corrected in the app; Procore's own value stays in email.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('vendors', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('id').notNullable();
    t.text('name').notNullable();
    t.text('trade');
    t.text('contact_name');
    t.text('email');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('synced_at', { useTz: true }).notNullable();
    t.primary(['company_id', 'id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('vendors');
}
