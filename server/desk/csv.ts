import type { RegisterRow } from '../contracts/desk';
import { coiStatusLabels } from '../contracts/directory';
import { limitNames, lineNames } from '../compliance/messages';
import { formatMoney } from '../compliance/money';

// The register as CSV: one line per vendor and project, the policies summed up in one cell.
// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.

export const registerColumns = ['Vendor', 'Trade', 'Project', 'Status', 'Reason', 'Certificate ends', 'Policies', 'Last activity'] as const;

const lineLabel = (line: string) => (lineNames as Record<string, string>)[line] ?? (line === 'excess_liability' ? 'Excess liability' : 'Other coverage');

export function policiesText(row: RegisterRow): string {
  return row.policies
    .map((p) => {
      const limits = Object.entries(p.limits).map(([k, v]) => `${limitNames[k] ?? k} ${formatMoney(v)}`);
      return `${lineLabel(p.line)}${p.insurer ? ` (${p.insurer})` : ''}${p.expires ? ` to ${p.expires}` : ''}${limits.length ? `: ${limits.join(', ')}` : ''}`;
    })
    .join('; ');
}

export function registerCells(row: RegisterRow): string[] {
  return [
    row.vendorName,
    row.trade ?? '',
    row.projectName,
    coiStatusLabels[row.status] + (row.requestScope === 'global' ? ' (global)' : ''),
    row.reason ?? '',
    row.endsOn ?? '',
    policiesText(row),
    row.lastActivity ? row.lastActivity.slice(0, 10) : '',
  ];
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}
