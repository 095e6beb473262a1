import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../contracts/desk';
import { csvLine, registerCells } from './csv';

const row: RegisterRow = {
  vendorId: '1', vendorName: 'Acme, "Best" Electric', trade: 'Electrical', projectId: '7', projectName: 'Harbor Tower', status: 'compliant',
  requestId: 'r', requestScope: 'global', reason: '=HYPERLINK("x")', endsOn: '2027-01-31',
  policies: [{ line: 'general_liability', insurer: 'Hartwell', expires: '2027-01-31', limits: { eachOccurrence: 1_000_000 } }],
  lastActivity: '2026-11-30T10:00:00.000Z',
};

describe('register CSV', () => {
  it('quotes commas and quotes, defuses formulas and sums the policies up in one cell', () => {
    expect(csvLine(registerCells(row))).toBe(
      '"Acme, ""Best"" Electric",Electrical,Harbor Tower,Compliant (global),"\'=HYPERLINK(""x"")",2027-01-31,General liability (Hartwell) to 2027-01-31: each occurrence $1,000,000,2026-11-30\r\n'.replace('General liability (Hartwell) to 2027-01-31: each occurrence $1,000,000', '"General liability (Hartwell) to 2027-01-31: each occurrence $1,000,000"'),
    );
  });
});
