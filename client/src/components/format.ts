// Display formats shared by the request views; Procore users read US English.

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const moneyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function parse(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(iso: string | null): string {
  const date = parse(iso);
  return date === null ? '—' : dateFormat.format(date);
}

export function formatDateTime(iso: string | null): string {
  const date = parse(iso);
  return date === null ? '—' : dateTimeFormat.format(date);
}

/** "$1,234,567.89"; an unknown amount is a dash, never "$0.00". */
export function formatMoney(amount: number | null): string {
  return amount === null ? '—' : moneyFormat.format(amount);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
