import type { Response } from 'express';
import ExcelJS from 'exceljs';
import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { RegisterFilter } from '../contracts/desk';
import { isoToday } from '../requirements/findings';
import { streamRegister } from './register-repository';
import { registerCells, registerColumns } from './csv';
import type { DeskScope } from './scope';

// The register as an Excel workbook, written by exceljs's streaming writer: each batch of rows
// is committed to the response as it comes from the database cursor.

const widths = [36, 18, 30, 20, 60, 14, 80, 14];

export async function writeRegisterXlsx(s: Services, _user: SessionUser, scope: DeskScope, filter: RegisterFilter, res: Response, filename: string): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = registerColumns.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const count = await streamRegister(s.db, scope, filter, isoToday(), async (rows) => {
    for (const row of rows) sheet.addRow(registerCells(row)).commit();
  });
  sheet.commit();
  await workbook.commit();
  s.log.info({ companyId: scope.companyId, projectId: scope.projectId, rows: count }, 'register exported as XLSX');
}
