import type { Response } from 'express';
import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { PayHolds, RegisterFilter, RegisterPage, RegisterQuery } from '../contracts/desk';
import { coiStatusLabels } from '../contracts/directory';
import { payHolds } from './holds-repository';
import { authorize } from '../permissions/authorize';
import { isoToday } from '../requirements/findings';
import { registerPage, streamRegister } from './register-repository';
import { csvLine, registerCells, registerColumns } from './csv';
import type { DeskScope } from './scope';
import { writeRegisterXlsx } from './xlsx';

// The register for the screen (a page at a time) and as CSV (streamed as it is read).

async function checkScope(s: Services, user: SessionUser, scope: DeskScope): Promise<void> {
  // A project the company lacks is 404; a project the user is not on, 403 (company admins see all).
  await authorize(s, user, scope.companyId, scope.projectId, 'requests.view');
}

export async function readRegister(s: Services, user: SessionUser, scope: DeskScope, query: RegisterQuery): Promise<RegisterPage> {
  await checkScope(s, user, scope);
  const { offset, limit, ...filter } = query;
  return registerPage(s.db, scope, filter, isoToday(), offset, limit);
}

export function exportName(scope: DeskScope, ext: string): string {
  return `coi-register-${scope.companyId}${scope.projectId ? `-project-${scope.projectId}` : ''}-${isoToday()}.${ext}`;
}

/** Writes the register as CSV to the response as rows come from the database; the first byte leaves before the last row is read. */
export async function sendRegisterCsv(s: Services, user: SessionUser, scope: DeskScope, filter: RegisterFilter, res: Response): Promise<void> {
  await checkScope(s, user, scope);
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${exportName(scope, 'csv')}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  // A byte-order mark so spreadsheet programs read the names as UTF-8.
  res.write(`\uFEFF${csvLine(registerColumns)}`);
  res.flushHeaders();
  const count = await streamRegister(s.db, scope, filter, isoToday(), async (rows) => {
    const ok = res.write(rows.map((r) => csvLine(registerCells(r))).join(''));
    if (!ok) await new Promise<void>((resolve) => res.once('drain', resolve));
  });
  res.end();
  s.log.info({ companyId: scope.companyId, projectId: scope.projectId, rows: count }, 'register exported as CSV');
}

/** The register as an Excel workbook, streamed the same way. */
export async function sendRegisterXlsx(s: Services, user: SessionUser, scope: DeskScope, filter: RegisterFilter, res: Response): Promise<void> {
  await checkScope(s, user, scope);
  await writeRegisterXlsx(s, user, scope, filter, res, exportName(scope, 'xlsx'));
}

export async function readPayHolds(s: Services, user: SessionUser, companyId: string, projectId: string): Promise<PayHolds> {
  await checkScope(s, user, { companyId, projectId });
  return { holds: await payHolds(s.db, companyId, projectId) };
}

const holdColumns = ['Commitment', 'Title', 'Vendor', 'COI status', 'Reason', 'Since', 'Grand total'];

/** The holds as CSV (a project has at most a few thousand commitments: written in one go). */
export async function sendPayHoldsCsv(s: Services, user: SessionUser, companyId: string, projectId: string, res: Response): Promise<void> {
  const { holds } = await readPayHolds(s, user, companyId, projectId);
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="pay-app-holds-${companyId}-project-${projectId}-${isoToday()}.csv"`);
  res.setHeader('Cache-Control', 'private, no-store');
  const lines = holds.map((h) =>
    csvLine([h.number ?? h.commitmentId, h.title ?? '', h.vendorName, coiStatusLabels[h.status], h.reason, h.since ? h.since.slice(0, 10) : '', h.grandTotal === null ? '' : h.grandTotal.toFixed(2)]),
  );
  res.end(`\uFEFF${csvLine(holdColumns)}${lines.join('')}`);
}
