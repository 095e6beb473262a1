import type { Knex } from 'knex';

// A company's carrier rating table (AM Best), imported from CSV and replaced as a whole.
// rating is the letter grade or "NR"; size_class is the financial size class 1–15.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('carriers', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.text('naic').notNullable();
    t.text('name').notNullable();
    t.text('rating').notNullable();
    t.smallint('size_class');
    t.primary(['company_id', 'naic']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('carriers');
}
