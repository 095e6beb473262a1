import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CertificateReview as Review } from '../../../../server/contracts/review';
import { deferred, fakeApi, ok, renderWithClient } from '../../testing/fakeApi';
import QueueReview from './QueueReview';

// The review queue walked with Next: while one certificate is read, the ones before and after it
// are fetched (review and file), so Next shows the next certificate's values without asking the
// server again. pdf.js does not run in jsdom: its module is replaced by a US Letter page.
vi.mock('../review/pdf', () => ({
  renderPdfPage: vi.fn(async () => ({ width: 612, height: 792, pageHeight: 792, scale: 1, pages: 1 })),
}));

const ids = ['6f1c2b7e-0000-4000-8000-000000000001', '6f1c2b7e-0000-4000-8000-000000000002', '6f1c2b7e-0000-4000-8000-000000000003'];
const documentOf = (i: number) => `7a1c2b7e-0000-4000-8000-00000000000${i + 1}`;
const reviewPath = (i: number) => `/api/companies/42/requests/${ids[i]}/review`;
const filePath = (i: number) => `/api/companies/42/documents/${documentOf(i)}/file`;

function review(i: number): Review {
  return {
    requestId: ids[i]!,
    status: 'under_review',
    document: { id: documentOf(i), filename: `coi-${i + 1}.pdf`, contentType: 'application/pdf', pages: 1 },
    values: [{ pointer: '/insured/name', label: 'Insured', value: `Vendor ${i + 1}`, raw: `Vendor ${i + 1}`, kind: 'text', page: 1, box: [50, 600, 200, 612], confidence: 1, corrected: false }],
    verdict: null,
    corrections: [],
  };
}

const item = (i: number) => ({ requestId: ids[i]!, vendorId: String(i + 1), vendorName: `Vendor ${i + 1}`, projectId: null, projectName: null, since: '2026-12-01T10:00:00Z', remindersSent: 0 });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('review queue', () => {
  it('fetches the neighbours after the certificate shown, so Next paints from what is already here', async () => {
    const ownFile = deferred();
    const api = fakeApi({
      'GET /api/companies/42/review-queue': [ok({ items: [0, 1, 2].map(item) })],
      [`GET ${reviewPath(0)}`]: [ok(review(0))],
      [`GET ${reviewPath(1)}`]: [ok(review(1))],
      [`GET ${filePath(0)}`]: [ownFile.promise],
      [`GET ${filePath(1)}`]: [ok('bytes')],
    });
    const user = userEvent.setup();
    renderWithClient(<QueueReview scope={{ companyId: '42', projectId: null }} start={ids[0]!} onClose={() => undefined} />);
    await screen.findByText('1 of 3 in the review queue');
    await screen.findByRole('heading', { name: 'Certificate review · coi-1.pdf' });
    // Its own file first: nothing of the next certificate is asked for while it is on its way.
    expect(api.callsTo('GET', reviewPath(1))).toHaveLength(0);
    ownFile.resolve(ok('bytes'));
    await waitFor(() => expect(api.callsTo('GET', filePath(1))).toHaveLength(1));
    expect(api.callsTo('GET', reviewPath(1))).toHaveLength(1);
    expect(api.callsTo('GET', reviewPath(2))).toHaveLength(0); // only the neighbours

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('2 of 3 in the review queue');
    const certificate = await screen.findByRole('region', { name: 'Certificate' });
    expect(await within(certificate).findByRole('button', { name: 'Insured: Vendor 2' })).toBeTruthy();
    expect(api.callsTo('GET', reviewPath(1))).toHaveLength(1);
    expect(api.callsTo('GET', filePath(1))).toHaveLength(1);
  });
});
