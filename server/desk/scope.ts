// The rows the desk counts and lists: one per vendor and project of the project directories
// (active vendors and projects), with the request behind its status chosen as the directory
// chooses it: an open project request, else an open global one, else an archived project
// request, else an archived global one. Cancelled and deleted requests never count.

export interface DeskScope {
  companyId: string;
  /** null: every project of the company. */
  projectId: string | null;
}

export interface SqlPart {
  sql: string;
  bindings: unknown[];
}

/** A `WITH` list ending in `scoped(vendor_id, project_id, request_id, status)`; a SELECT over it follows. */
export function scopedRows(scope: DeskScope): SqlPart {
  const project = scope.projectId === null ? '' : 'AND pv.project_id = ?';
  const sql = `WITH pairs AS (
       SELECT pv.vendor_id, pv.project_id
         FROM project_vendors pv
         JOIN projects p ON p.company_id = pv.company_id AND p.id = pv.project_id AND p.active
         JOIN vendors v ON v.company_id = pv.company_id AND v.id = pv.vendor_id AND v.active
        WHERE pv.company_id = ? ${project}
     ),
     own AS (
       SELECT DISTINCT ON (r.vendor_id, r.project_id) r.vendor_id, r.project_id, r.id, r.status
         FROM coi_requests r
        WHERE r.company_id = ? AND r.project_id IS NOT NULL AND r.deleted_at IS NULL AND r.status <> 'cancelled'
        ORDER BY r.vendor_id, r.project_id, (r.status = 'archived'), r.created_at DESC
     ),
     glob AS (
       SELECT DISTINCT ON (r.vendor_id) r.vendor_id, r.id, r.status
         FROM coi_requests r
        WHERE r.company_id = ? AND r.project_id IS NULL AND r.deleted_at IS NULL AND r.status <> 'cancelled'
        ORDER BY r.vendor_id, (r.status = 'archived'), r.created_at DESC
     ),
     scoped AS (
       SELECT pairs.vendor_id, pairs.project_id,
              CASE WHEN own.status IS NOT NULL AND own.status <> 'archived' THEN own.id
                   WHEN glob.status IS NOT NULL AND glob.status <> 'archived' THEN glob.id
                   ELSE COALESCE(own.id, glob.id) END AS request_id,
              CASE WHEN own.status IS NOT NULL AND own.status <> 'archived' THEN own.status
                   WHEN glob.status IS NOT NULL AND glob.status <> 'archived' THEN glob.status
                   ELSE COALESCE(own.status, glob.status, 'not_requested') END AS status
         FROM pairs
         LEFT JOIN own ON own.vendor_id = pairs.vendor_id AND own.project_id = pairs.project_id
         LEFT JOIN glob ON glob.vendor_id = pairs.vendor_id
     )`;
  const bindings = scope.projectId === null ? [scope.companyId, scope.companyId, scope.companyId] : [scope.companyId, scope.projectId, scope.companyId, scope.companyId];
  return { sql, bindings };
}

/**
 * After a CTE `live(request_id)`: the newest read certificate of each live request and the
 * earliest end date of its policies (documents.ends_on, kept by a trigger). Binds the company id.
 */
export const certificateEnds = `
  SELECT DISTINCT ON (d.request_id) d.request_id, d.ends_on
    FROM documents d JOIN live ON live.request_id = d.request_id
   WHERE d.company_id = ? AND d.read_status = 'read'
   ORDER BY d.request_id, d.created_at DESC`;
