import { describe, expect, it } from 'vitest';
import type { Directory, DirectoryRow } from '../../../server/contracts/directory';
import { refetchWhileActive } from './directory';

const row = (status: DirectoryRow['status']): DirectoryRow => ({
  vendorId: status, name: status, trade: null, contactName: null, email: null, emailValid: false, status, requestId: null, requestScope: null,
});
const directory = (...statuses: DirectoryRow['status'][]): Directory => ({
  company: { id: '1', name: 'C' }, project: null, vendors: statuses.map(row), syncedAt: '2026-01-01T00:00:00Z',
});

describe('directory polling', () => {
  it('polls often while a certificate is being read, gently while subs are awaited, never otherwise', () => {
    expect(refetchWhileActive(directory('pending', 'under_review'))).toBe(5_000);
    expect(refetchWhileActive(directory('pending', 'compliant'))).toBe(20_000);
    expect(refetchWhileActive(directory('awaiting_new_coi'))).toBe(20_000);
    expect(refetchWhileActive(directory('compliant', 'not_requested'))).toBe(false);
    expect(refetchWhileActive(undefined)).toBe(false);
  });
});
