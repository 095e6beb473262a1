import type { Knex } from 'knex';

// An email is marked "sending" (and when) in its own commit before SMTP is spoken to, so a
// crash mid-send leaves a trace: the sweep sends it again, with the same Message-ID, only
// once it has been "sending" for longer than SMTP could take.
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE emails DROP CONSTRAINT emails_status_check');
  await db.raw("ALTER TABLE emails ADD CONSTRAINT emails_status_check CHECK (status IN ('queued', 'sending', 'sent', 'failed'))");
  await db.schema.alterTable('emails', (t) => {
    t.timestamp('sending_at', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db('emails').where({ status: 'sending' }).update({ status: 'queued' });
  await db.schema.alterTable('emails', (t) => {
    t.dropColumn('sending_at');
  });
  await db.raw('ALTER TABLE emails DROP CONSTRAINT emails_status_check');
  await db.raw("ALTER TABLE emails ADD CONSTRAINT emails_status_check CHECK (status IN ('queued', 'sent', 'failed'))");
}
