import type { Knex } from 'knex';

// The earliest end date among a read certificate's policies, kept by PostgreSQL itself whenever
// the extraction is written (the reader, a correction, a line added by hand), so the overview's
// "expiring in 30/60/90 days" does not unpack every certificate's JSON on each visit.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('documents', (t) => {
    t.date('ends_on');
  });
  await db.raw(`
    CREATE FUNCTION documents_ends_on(extraction jsonb) RETURNS date LANGUAGE sql IMMUTABLE AS $$
      SELECT MIN((pol->>'expirationDate')::date)
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(extraction->'policies') = 'array' THEN extraction->'policies' ELSE '[]'::jsonb END) pol
       WHERE pol->>'expirationDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
    $$`);
  await db.raw(`
    CREATE FUNCTION documents_set_ends_on() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.ends_on := documents_ends_on(NEW.extraction);
      RETURN NEW;
    END $$`);
  await db.raw(`CREATE TRIGGER documents_ends_on BEFORE INSERT OR UPDATE OF extraction ON documents FOR EACH ROW EXECUTE FUNCTION documents_set_ends_on()`);
  await db.raw(`UPDATE documents SET ends_on = documents_ends_on(extraction) WHERE extraction IS NOT NULL`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TRIGGER IF EXISTS documents_ends_on ON documents');
  await db.raw('DROP FUNCTION IF EXISTS documents_set_ends_on()');
  await db.raw('DROP FUNCTION IF EXISTS documents_ends_on(jsonb)');
  await db.schema.alterTable('documents', (t) => {
    t.dropColumn('ends_on');
  });
}
