import type { DirectoryRow } from '../../../server/contracts/directory';
import { emailAddress, type CreateRequests } from '../../../server/contracts/requests';

// Who a Request COI click will email, decided before anything is posted.

/** A request that still runs (not archived) already covers the company; the server would skip it. */
export function hasOpenRequest(row: DirectoryRow): boolean {
  return row.requestId !== null && row.status !== 'not_requested' && row.status !== 'archived';
}

/** The address as the server will store it, or null when the contract's rule rejects it. */
export function validEmail(value: string): string | null {
  const parsed = emailAddress.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface RecipientPlan {
  /** Primary contact email is usable: sent as is. */
  ready: DirectoryRow[];
  /** No email or one Procore holds but that is not valid: fix it here or leave the company out. */
  needsEmail: DirectoryRow[];
  /** Listed as already requested; never sent. */
  already: DirectoryRow[];
}

export function planRecipients(rows: readonly DirectoryRow[]): RecipientPlan {
  const plan: RecipientPlan = { ready: [], needsEmail: [], already: [] };
  for (const row of rows) {
    if (hasOpenRequest(row)) plan.already.push(row);
    else if (row.emailValid && row.email !== null) plan.ready.push(row);
    else plan.needsEmail.push(row);
  }
  return plan;
}

export interface EmailFixes {
  /** What the user typed per vendor. */
  typed: Readonly<Record<string, string>>;
  leftOut: ReadonlySet<string>;
}

export interface RequestDraft {
  /** Companies that will be emailed once every fix is valid. */
  count: number;
  /** Included companies whose typed address is still not valid. */
  unresolved: DirectoryRow[];
  /** The POST body, or null while something is unresolved or nobody is left to send to. */
  body: CreateRequests | null;
}

export function draftRequest(plan: RecipientPlan, fixes: EmailFixes): RequestDraft {
  const included = plan.needsEmail.filter((row) => !fixes.leftOut.has(row.vendorId));
  const emails: Record<string, string> = {};
  const unresolved: DirectoryRow[] = [];
  for (const row of included) {
    const email = validEmail(fixes.typed[row.vendorId] ?? '');
    if (email === null) unresolved.push(row);
    else emails[row.vendorId] = email;
  }
  const vendorIds = [...plan.ready, ...included].map((row) => row.vendorId);
  const count = vendorIds.length;
  if (unresolved.length > 0 || count === 0) return { count, unresolved, body: null };
  return { count, unresolved, body: Object.keys(emails).length > 0 ? { vendorIds, emails } : { vendorIds } };
}

export function requestsText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'request' : 'requests'}`;
}
