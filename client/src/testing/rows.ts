import type { DirectoryRow } from '../../../server/contracts/directory';

/** A directory row for component tests: an electrical vendor with a valid email and no request. */
export function vendorRow(vendorId: string, name: string, overrides: Partial<DirectoryRow> = {}): DirectoryRow {
  return {
    vendorId,
    name,
    trade: 'Electrical',
    contactName: null,
    email: `office@${vendorId}.example`,
    emailValid: true,
    status: 'not_requested',
    requestId: null,
    requestScope: null,
    ...overrides,
  };
}
