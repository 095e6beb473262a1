import PDFDocument from 'pdfkit';
import type { Response } from 'express';
import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { RegisterRow } from '../contracts/desk';
import { coiStatusLabels, coiStatuses } from '../contracts/directory';
import { NotFoundError } from '../errors';
import { authorize } from '../permissions/authorize';
import { isoToday } from '../requirements/findings';
import { streamRegister } from './register-repository';

// A printable report for one project, for owners and lenders: the counts by status, one line per
// vendor (status, certificate end, reason) and every deficiency still open. Drawn with pdfkit in
// its standard Helvetica; US Letter, paged as it fills.

const margin = 48;
const columns = [
  { title: 'Vendor', x: margin, width: 170 },
  { title: 'Status', x: margin + 176, width: 96 },
  { title: 'Certificate ends', x: margin + 278, width: 80 },
  { title: 'Reason', x: margin + 364, width: 152 },
];

async function openDeficiencies(s: Services, companyId: string, requestIds: string[]): Promise<Map<string, string[]>> {
  if (!requestIds.length) return new Map();
  const rows = (await s.db.raw(
    `SELECT DISTINCT ON (request_id) request_id, body FROM verdicts WHERE company_id = ? AND request_id = ANY(?::uuid[]) ORDER BY request_id, created_at DESC`,
    [companyId, requestIds],
  )) as { rows: { request_id: string; body: { deficiencies?: { message: string }[] } }[] };
  return new Map(rows.rows.map((r) => [r.request_id, (r.body.deficiencies ?? []).map((d) => d.message)]));
}

function header(doc: PDFKit.PDFDocument): void {
  doc.font('Helvetica-Bold').fontSize(9);
  const y = doc.y;
  for (const c of columns) doc.text(c.title, c.x, y, { width: c.width });
  doc.moveTo(margin, doc.y + 2).lineTo(doc.page.width - margin, doc.y + 2).strokeColor('#8a9499').stroke();
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(9);
}

function line(doc: PDFKit.PDFDocument, row: RegisterRow): void {
  const cells = [row.vendorName, coiStatusLabels[row.status] + (row.requestScope === 'global' ? ' (global)' : ''), row.endsOn ?? '', row.reason ?? ''];
  const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width })));
  if (doc.y + height > doc.page.height - margin) {
    doc.addPage();
    header(doc);
  }
  const y = doc.y;
  cells.forEach((text, i) => doc.text(text, columns[i]!.x, y, { width: columns[i]!.width }));
  doc.y = y + height + 4;
}

export async function sendProjectReport(s: Services, user: SessionUser, companyId: string, projectId: string, res: Response): Promise<void> {
  await authorize(s, user, companyId, projectId, 'requests.view');
  const project = (await s.db('projects as p').join('companies as c', 'c.id', 'p.company_id').where({ 'p.company_id': companyId, 'p.id': projectId }).first('p.name', 'c.name as company')) as
    | { name: string; company: string }
    | undefined;
  if (!project) throw new NotFoundError('No such project in this company.');
  const rows: RegisterRow[] = [];
  await streamRegister(s.db, { companyId, projectId }, { sort: 'vendor', direction: 'asc' }, isoToday(), async (batch) => {
    rows.push(...batch);
  });
  const open = rows.filter((r) => r.requestId && (r.status === 'awaiting_new_coi' || r.status === 'under_review'));
  const deficiencies = await openDeficiencies(s, companyId, open.map((r) => r.requestId!));

  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="coi-report-project-${projectId}-${isoToday()}.pdf"`);
  res.setHeader('Cache-Control', 'private, no-store');
  const doc = new PDFDocument({ size: 'LETTER', margin, info: { Title: `COI compliance report: ${project.name}`, Author: project.company } });
  doc.pipe(res);
  doc.font('Helvetica-Bold').fontSize(16).text(`Certificates of insurance: ${project.name}`);
  doc.font('Helvetica').fontSize(10).fillColor('#4d5a60').text(`${project.company} · as of ${isoToday()} · ${rows.length} vendors`).fillColor('black');
  doc.moveDown();
  const counts = coiStatuses.map((st) => [coiStatusLabels[st], rows.filter((r) => r.status === st).length] as const).filter(([, n]) => n > 0);
  doc.fontSize(10).text(counts.map(([label, n]) => `${label}: ${n}`).join('    '));
  doc.moveDown();
  header(doc);
  for (const row of rows) line(doc, row);
  const withFindings = open.filter((r) => (deficiencies.get(r.requestId!) ?? []).length > 0);
  if (withFindings.length) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text('Open deficiencies');
    doc.moveDown(0.5);
    for (const row of withFindings) {
      doc.font('Helvetica-Bold').fontSize(10).text(row.vendorName);
      doc.font('Helvetica').fontSize(9);
      for (const message of deficiencies.get(row.requestId!) ?? []) doc.text(`• ${message}`, { indent: 10 });
      doc.moveDown(0.5);
    }
  }
  doc.end();
  await new Promise<void>((resolve, reject) => {
    res.once('finish', resolve);
    res.once('error', reject);
  });
}
