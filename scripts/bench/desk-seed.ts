import type { Db } from '../../server/db';

// Synthetic data for the desk benchmark, written by PostgreSQL itself (generate_series): one
// company, `vendors` vendors, `projects` projects whose directories each list every vendor, a
// project request for about two of three pairs with statuses spread as a real company's are,
// global requests for one vendor in five, and a read certificate for each request that got one.

export const benchCompany = '900001';

export async function seedDesk(db: Db, vendors: number, projects: number): Promise<void> {
  await db.raw(`INSERT INTO companies (id, name) VALUES (?, 'Bench Builders')`, [benchCompany]);
  await db.raw(
    `INSERT INTO vendors (company_id, id, name, trade, email, active, synced_at)
     SELECT ?, g, 'Vendor ' || lpad(g::text, 5, '0'), (ARRAY['Electrical','Plumbing','Roofing','Painting','Concrete'])[1 + g % 5], 'v' || g || '@bench.example', true, now()
       FROM generate_series(1, ?) g`,
    [benchCompany, vendors],
  );
  await db.raw(
    `INSERT INTO projects (company_id, id, name, active, synced_at)
     SELECT ?, 100000 + g, 'Project ' || lpad(g::text, 2, '0'), true, now() FROM generate_series(1, ?) g`,
    [benchCompany, projects],
  );
  await db.raw(
    `INSERT INTO project_vendors (company_id, project_id, vendor_id)
     SELECT ?, 100000 + p, v FROM generate_series(1, ?) p, generate_series(1, ?) v`,
    [benchCompany, projects, vendors],
  );
  const statuses = `(ARRAY['pending','pending','under_review','awaiting_new_coi','compliant','compliant','compliant','compliant','waived','archived'])`;
  await db.raw(
    `INSERT INTO coi_requests (company_id, vendor_id, project_id, origin, status, recipient_email, reminders_sent, first_upload_at, created_at)
     SELECT ?, v, 100000 + p, 'click', ${statuses}[1 + (v * 7 + p) % 10], 'v' || v || '@bench.example', (v + p) % 5,
            CASE WHEN ${statuses}[1 + (v * 7 + p) % 10] = 'pending' THEN NULL ELSE now() - interval '10 days' END,
            now() - ((v + p) % 60) * interval '1 day'
       FROM generate_series(1, ?) p, generate_series(1, ?) v
      WHERE (v + p) % 3 <> 0`,
    [benchCompany, projects, vendors],
  );
  await db.raw(
    `INSERT INTO coi_requests (company_id, vendor_id, project_id, origin, status, recipient_email, first_upload_at)
     SELECT ?, v, NULL, 'global', 'compliant', 'v' || v || '@bench.example', now() FROM generate_series(1, ?) v WHERE v % 5 = 0`,
    [benchCompany, vendors],
  );
  await db.raw(
    `INSERT INTO documents (company_id, request_id, upload_id, filename, content_type, size, sha256, bytes, read_status, extraction, created_at)
     SELECT r.company_id, r.id, gen_random_uuid(), 'coi.pdf', 'application/pdf', 4, sha256(r.id::text::bytea), '\\x25504446'::bytea, 'read',
            jsonb_build_object('policies', jsonb_build_array(
              jsonb_build_object('line', 'general_liability', 'expirationDate', to_char(current_date + (abs(hashtext(r.id::text)) % 400) - 20, 'YYYY-MM-DD')),
              jsonb_build_object('line', 'automobile_liability', 'expirationDate', to_char(current_date + 200, 'YYYY-MM-DD')))),
            now() - interval '5 days'
       FROM coi_requests r
      WHERE r.company_id = ? AND r.status <> 'pending'`,
    [benchCompany],
  );
  await db.raw('ANALYZE');
}
