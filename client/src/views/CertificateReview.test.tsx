import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CertificateReview as Review, ReviewVerdict } from '../../../server/contracts/review';
import { fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import CertificateReview from './CertificateReview';

// pdf.js does not run in jsdom: the renderer module is replaced at its boundary by a page of
// US Letter size drawn at one pixel per point.
vi.mock('./review/pdf', () => ({
  renderPdfPage: vi.fn(async () => ({ width: 612, height: 792, pageHeight: 792, scale: 1, pages: 1 })),
}));

const requestId = '6f1c2b7e-0000-4000-8000-000000000009';
const documentId = '7a1c2b7e-0000-4000-8000-000000000001';
const path = `/api/companies/42/requests/${requestId}/review`;
const expiry = '/policies/0/expirationDate';

const expired: ReviewVerdict = {
  outcome: 'deficient',
  checkedAt: '2026-11-22',
  deficiencies: [{ code: 'policy_expired', line: 'general_liability', field: expiry, required: '2026-11-22', found: '2026-05-01', message: 'General liability expired on May 1, 2026.' }],
  reviewReasons: [],
};

function review(verdict: ReviewVerdict, raw = '2026-05-01'): Review {
  return {
    requestId,
    status: 'awaiting_new_coi',
    document: { id: documentId, filename: 'acme-coi.pdf', contentType: 'application/pdf', pages: 1 },
    values: [
      { pointer: '/policies/0/limits/eachOccurrence', label: 'General liability · Each occurrence', value: '$1,000,000', raw: 1_000_000, kind: 'money', page: 1, box: [542, 547.6, 574.3, 554.8], confidence: 1, corrected: false },
      { pointer: expiry, label: 'General liability · Expiration date', value: raw, raw, kind: 'date', page: 1, box: [416.1, 547.6, 448.8, 554.8], confidence: 0.6, corrected: false },
    ],
    verdict,
    corrections: [],
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const routes = () => ({ [`GET /api/companies/42/documents/${documentId}/file`]: [ok('bytes')] });

describe('Certificate review', () => {
  it('emphasises the box and the value of a deficiency when it is clicked', async () => {
    fakeApi({ ...routes(), [`GET ${path}`]: [ok(review(expired))] });
    const user = userEvent.setup();
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    const certificate = await screen.findByRole('region', { name: 'Certificate' });
    const values = screen.getByRole('list', { name: 'Extracted values' });
    expect(within(values).getByText('Low confidence 60%')).toBeTruthy();
    const box = await within(certificate).findByRole('button', { name: 'General liability · Expiration date: 2026-05-01' });
    // The box is placed from PDF points (origin bottom left) to pixels (origin top left).
    expect(box.style.left).toBe('414.1px');
    expect(box.style.top).toBe(`${792 - 554.8 - 2}px`);
    expect(box.getAttribute('aria-current')).toBeNull();

    await user.click(within(screen.getByRole('list', { name: 'Deficiencies' })).getByRole('button', { name: 'General liability expired on May 1, 2026.' }));
    expect(box.getAttribute('aria-current')).toBe('true');
    const row = within(values).getByRole('button', { name: 'General liability · Expiration date: 2026-05-01' }).closest('li')!;
    expect(row.getAttribute('aria-current')).toBe('true');

    await user.click(within(values).getByRole('button', { name: 'General liability · Each occurrence: $1,000,000' }));
    expect(box.getAttribute('aria-current')).toBeNull();
    expect(within(certificate).getByRole('button', { name: 'General liability · Each occurrence: $1,000,000' }).getAttribute('aria-current')).toBe('true');
  });

  it('posts a correction with its reason and shows the new verdict at once', async () => {
    const fixed: ReviewVerdict = { ...expired, outcome: 'compliant', deficiencies: [] };
    const api = fakeApi({ ...routes(), [`GET ${path}`]: [ok(review(expired)), ok(review(fixed, '2027-05-01'))], [`POST ${path}/corrections`]: [ok(fixed)] });
    const user = userEvent.setup();
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    const values = await screen.findByRole('list', { name: 'Extracted values' });
    const row = within(values).getByRole('button', { name: /Expiration date/ }).closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'Correct' }));
    const input = within(row).getByLabelText('Corrected General liability · Expiration date');
    await user.clear(input);
    await user.type(input, '2027-05-01');
    await user.type(within(row).getByLabelText('Reason for the correction'), 'Broker sent the renewal');
    await user.click(within(row).getByRole('button', { name: 'Save correction' }));
    await waitFor(() => expect(screen.getByText('Meets the requirements')).toBeTruthy());
    expect(api.callsTo('POST', `${path}/corrections`).map((c) => c.body)).toEqual([{ pointer: expiry, value: '2027-05-01', reason: 'Broker sent the renewal' }]);
    expect(screen.queryByRole('list', { name: 'Deficiencies' })).toBeNull();
  });

  it('finishes the review and says whether the subcontractor was emailed', async () => {
    const sent = { status: 'awaiting_new_coi', verdict: expired, subcontractor: 'emailed' };
    const api = fakeApi({ ...routes(), [`GET ${path}`]: [ok({ ...review(expired), status: 'under_review' }), ok(review(expired))], [`POST ${path}/finish`]: [ok(sent)] });
    const user = userEvent.setup();
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    const finish = await screen.findByRole('button', { name: 'Finish review' });
    expect(finish.getAttribute('aria-describedby')).toBe('finish-hint');
    await user.click(finish);
    expect((await screen.findByText(/^Review finished\./)).textContent).toBe(
      'Review finished. The subcontractor was emailed what to fix; the request is Awaiting New COI.',
    );
    expect(api.callsTo('POST', `${path}/finish`).map((c) => c.body)).toEqual([{}]);
  });

  it('shows why a review cannot be finished yet', async () => {
    const why = 'The review cannot be finished while a point needs a decision: The reader was unsure of general liability each occurrence; please check it by hand.';
    fakeApi({ ...routes(), [`GET ${path}`]: [ok(review(expired))], [`POST ${path}/finish`]: [failure(409, 'conflict', why)] });
    const user = userEvent.setup();
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Finish review' }));
    expect((await screen.findByRole('alert')).textContent).toContain(why);
  });

  it('shows the server’s sentence when an action fails', async () => {
    fakeApi({ ...routes(), [`GET ${path}`]: [ok(review(expired))], [`POST ${path}/approve`]: [failure(403, 'forbidden', 'Only compliance managers can approve certificates with an override.')] });
    const user = userEvent.setup();
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Approve with override' }));
    await user.type(screen.getByLabelText('Reason'), 'Owner accepted');
    await user.type(screen.getByLabelText('Waived until'), '2099-01-31');
    await user.click(screen.getByRole('button', { name: 'Waive until this date' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Only compliance managers can approve certificates with an override.');
  });

  it('approves a certificate with no deficiency left as compliant in one click', async () => {
    const doubt: ReviewVerdict = { outcome: 'needs_review', checkedAt: '2026-11-22', deficiencies: [], reviewReasons: [{ code: 'low_confidence', line: 'general_liability', field: expiry, message: 'The reader was unsure of the expiration date.' }] };
    const api = fakeApi({
      ...routes(),
      [`GET ${path}`]: [ok({ ...review(doubt), status: 'under_review' }), ok({ ...review(doubt), status: 'compliant' })],
      [`POST ${path}/approve-compliant`]: [ok({ status: 'compliant', setAside: ['The reader was unsure of the expiration date.'] })],
    });
    const user = userEvent.setup();
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Approve as compliant' }));
    expect(await screen.findByText('Approved as compliant. Nothing was sent to the subcontractor.')).toBeTruthy();
    expect(api.callsTo('POST', `${path}/approve-compliant`).map((c) => c.body)).toEqual([{}]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Approve as compliant' })).toBeNull());
  });

  it('offers no one-click approval while a deficiency remains', async () => {
    fakeApi({ ...routes(), [`GET ${path}`]: [ok(review(expired))] });
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    await screen.findByRole('button', { name: 'Finish review' });
    expect(screen.queryByRole('button', { name: 'Approve as compliant' })).toBeNull();
  });

  it('adds a missed coverage line with its values and reason, checking dates before posting', async () => {
    const api = fakeApi({ ...routes(), [`GET ${path}`]: [ok(review(expired)), ok(review(expired))], [`POST ${path}/lines`]: [ok(expired)] });
    const user = userEvent.setup();
    renderWithClient(<CertificateReview companyId="42" requestId={requestId} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Add a missed line' }));
    const form = screen.getByRole('form', { name: 'Add a coverage line' });
    await user.selectOptions(within(form).getByLabelText('Line'), 'umbrella_liability');
    await user.type(within(form).getByLabelText('Insurer'), 'Hartwell Casualty');
    await user.type(within(form).getByLabelText('Effective'), '2026-06-01');
    await user.type(within(form).getByLabelText('Expires'), '2026-05-01');
    await user.type(within(form).getByLabelText('Each occurrence'), '$5,000,000');
    await user.type(within(form).getByLabelText('Reason for adding it'), 'Row missed by the reader');
    await user.click(within(form).getByRole('button', { name: 'Add the line' }));
    expect(within(form).getByRole('alert').textContent).toBe('expirationDate: must be after the effective date');
    expect(api.callsTo('POST', `${path}/lines`)).toHaveLength(0);
    await user.clear(within(form).getByLabelText('Expires'));
    await user.type(within(form).getByLabelText('Expires'), '2027-06-01');
    await user.click(within(form).getByRole('button', { name: 'Add the line' }));
    expect(await screen.findByText(/^Line added;/)).toBeTruthy();
    expect(api.callsTo('POST', `${path}/lines`).map((c) => c.body)).toEqual([
      { line: 'umbrella_liability', insurerName: 'Hartwell Casualty', effectiveDate: '2026-06-01', expirationDate: '2027-06-01', limits: { eachOccurrence: 5_000_000 }, reason: 'Row missed by the reader' },
    ]);
  });
});
