import type { Knex } from 'knex';

// Who may do what (server/permissions): the Procore facts a role is decided from, cached per
// user and company (template, company admin, insurance manager; re-read every minute), the
// company's template → role mapping, per-user overrides with a reason, and whether a user is
// on a project in Procore (re-read with the role).
const roles = ['no_access', 'read_only', 'inviter', 'compliance_manager'];

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('company_users', (t) => {
    t.dropColumn('role');
    t.bigInteger('template_id');
    t.text('template_name');
    t.boolean('is_company_admin').notNullable().defaultTo(false);
    t.boolean('is_insurance_manager').notNullable().defaultTo(false);
    t.timestamp('role_checked_at', { useTz: true });
  });
  await db.schema.createTable('role_mappings', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('template_id').notNullable();
    t.text('template_name').notNullable();
    t.text('role').notNullable().checkIn(roles);
    t.bigInteger('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['company_id', 'template_id']);
  });
  await db.schema.createTable('role_overrides', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('role').notNullable().checkIn(roles);
    t.text('reason').notNullable();
    t.bigInteger('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['company_id', 'user_id']);
  });
  await db.schema.createTable('project_users', (t) => {
    t.bigInteger('company_id').notNullable().references('companies.id').onDelete('CASCADE');
    t.bigInteger('project_id').notNullable();
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.boolean('on_project').notNullable();
    t.timestamp('checked_at', { useTz: true }).notNullable();
    t.primary(['company_id', 'project_id', 'user_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('project_users');
  await db.schema.dropTable('role_overrides');
  await db.schema.dropTable('role_mappings');
  await db.schema.alterTable('company_users', (t) => {
    t.dropColumn('role_checked_at');
    t.dropColumn('is_insurance_manager');
    t.dropColumn('is_company_admin');
    t.dropColumn('template_name');
    t.dropColumn('template_id');
    t.text('role').notNullable().defaultTo('inviter').checkIn(['inviter', 'compliance_manager']);
  });
}
