import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RequirementSet } from '../../../server/contracts/requirements';
import type { CarriersView, RequirementsPreview, RequirementsView } from '../../../server/contracts/requirements-api';
import { fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import RequirementsEditor from './RequirementsEditor';

const companyPath = '/api/companies/42/requirements';
const projectPath = '/api/companies/42/projects/7/requirements';
const carriersPath = '/api/companies/42/carriers';
const eachOccurrence = 'General liability · Each occurrence minimum';

const set: RequirementSet = {
  name: 'Company default',
  lines: {
    general_liability: { minimums: { eachOccurrence: 1_000_000, generalAggregate: 2_000_000 }, additionalInsuredRequired: true },
    workers_compensation: { statutoryRequired: true },
  },
  minimumAmBest: 'A- VII',
  certificateHolder: { name: 'Acme Builders' },
  descriptionMustContain: ['Acme Builders', 'Owner LLC'],
  minimumDaysRemaining: 30,
  tiers: [{ name: 'High risk', trades: ['Roofing'], lines: { umbrella_liability: { minimums: { eachOccurrence: 5_000_000 } } } }],
};

const view = (source: RequirementsView['source'], projectId: string | null = null): RequirementsView => ({
  companyId: '42',
  projectId,
  source,
  requirements: set,
  updatedAt: '2025-03-01T10:00:00.000Z',
  updatedBy: 'Pat Manager',
});

const preview: RequirementsPreview = {
  currentSource: 'company',
  summary: {
    total: 10,
    unchanged: 7,
    changed: 3,
    transitions: [
      { from: 'compliant', to: 'deficient', count: 2 },
      { from: 'needs_review', to: 'compliant', count: 1 },
    ],
    before: { compliant: 6, needs_review: 2, deficient: 2 },
    after: { compliant: 5, needs_review: 1, deficient: 4 },
  },
  changes: [{ requestId: 'r1', vendorId: 'v1', vendorName: 'Delta Roofing', projectName: 'Tower', before: 'compliant', after: 'deficient' }],
};

const carriers: CarriersView = { count: 120, sample: [] };

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openEditor(projectId: string | null = null) {
  renderWithClient(<RequirementsEditor companyId="42" projectId={projectId} onClose={() => undefined} />);
  const dialog = await screen.findByRole('dialog', { name: 'Requirements' });
  await within(dialog).findByRole('textbox', { name: eachOccurrence });
  return dialog;
}

async function raiseEachOccurrence(dialog: HTMLElement) {
  const user = userEvent.setup();
  const field = within(dialog).getByRole('textbox', { name: eachOccurrence });
  await user.clear(field);
  await user.type(field, '2,000,000');
  await user.click(within(dialog).getByRole('button', { name: 'Preview changes' }));
  return user;
}

const raised: RequirementSet = {
  ...set,
  lines: { ...set.lines, general_liability: { ...set.lines.general_liability, minimums: { eachOccurrence: 2_000_000, generalAggregate: 2_000_000 } } },
};

describe('Requirements editor', () => {
  it('shows the saved set: limits with commas, flags, set-wide fields and tiers', async () => {
    fakeApi({ [`GET ${companyPath}`]: [ok(view('company'))], [`GET ${carriersPath}`]: [ok(carriers)] });
    const dialog = await openEditor();
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: eachOccurrence }).value).toBe('1,000,000');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'General liability · General aggregate minimum' }).value).toBe('2,000,000');
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'General liability · Additional insured' }).checked).toBe(true);
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'General liability · Waiver of subrogation' }).checked).toBe(false);
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Umbrella liability · Required' }).checked).toBe(false);
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'AM Best minimum' }).value).toBe('A- VII');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Certificate holder name' }).value).toBe('Acme Builders');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Description of operations wording' }).value).toBe('Acme Builders, Owner LLC');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Days of coverage remaining' }).value).toBe('30');
    expect(within(within(dialog).getByRole('region', { name: 'Tiers' })).getByText('High risk')).toBeTruthy();
    expect(await within(dialog).findByText('The rating table has 120 carriers.')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Use the company default' })).toBeNull();
  });

  it('previews an edited limit with the proposed set, then saves it with PUT', async () => {
    const api = fakeApi({
      [`GET ${companyPath}`]: [ok(view('company'))],
      [`GET ${carriersPath}`]: [ok(carriers)],
      [`POST ${companyPath}/preview`]: [ok(preview)],
      [`PUT ${companyPath}`]: [ok({ ...view('company'), requirements: raised })],
    });
    const dialog = await openEditor();
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save requirements' });
    expect(save.disabled).toBe(true);
    const user = await raiseEachOccurrence(dialog);

    expect(
      await within(dialog).findByText('3 vendors would change status: 2 Compliant → Awaiting New COI, 1 Under review → Compliant.'),
    ).toBeTruthy();
    expect(within(dialog).getByText(/Delta Roofing/).textContent).toBe('Delta Roofing (Tower): Compliant → Awaiting New COI');
    expect(api.callsTo('POST', `${companyPath}/preview`).map((call) => call.body)).toEqual([raised]);
    expect(api.callsTo('PUT', companyPath)).toHaveLength(0);

    await user.click(save);
    expect(await within(dialog).findByText('Requirements saved.')).toBeTruthy();
    expect(api.callsTo('PUT', companyPath).map((call) => call.body)).toEqual([raised]);
  });

  it('sends the completed-operations tail in years with the set', async () => {
    const withTail = { ...view('company').requirements, completedOperationsYears: 6 };
    const api = fakeApi({
      [`GET ${companyPath}`]: [ok(view('company'))],
      [`GET ${carriersPath}`]: [ok(carriers)],
      [`POST ${companyPath}/preview`]: [ok(preview)],
      [`PUT ${companyPath}`]: [ok({ ...view('company'), requirements: withTail })],
    });
    const dialog = await openEditor();
    const user = userEvent.setup();
    const years = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Completed operations after the project closes (years)' });
    expect(years.value).toBe('');
    await user.type(years, '6');
    await user.click(within(dialog).getByRole('button', { name: 'Preview changes' }));
    expect(await within(dialog).findByText(/3 vendors would change status/)).toBeTruthy();
    expect(api.callsTo('POST', `${companyPath}/preview`).map((call) => call.body)).toEqual([withTail]);
    await user.click(within(dialog).getByRole('button', { name: 'Save requirements' }));
    expect(await within(dialog).findByText('Requirements saved.')).toBeTruthy();
    expect(api.callsTo('PUT', companyPath).map((call) => call.body)).toEqual([withTail]);
  });

  it('shows a 400 issue next to the field its path names', async () => {
    const message = 'must not be more than the general aggregate (2000000)';
    fakeApi({
      [`GET ${companyPath}`]: [ok(view('company'))],
      [`GET ${carriersPath}`]: [ok(carriers)],
      [`POST ${companyPath}/preview`]: [
        { status: 400, body: { error: { code: 'invalid_input', message: `lines…: ${message}`, details: { issues: [{ path: 'lines.general_liability.minimums.eachOccurrence', message }] } } } },
      ],
    });
    const dialog = await openEditor();
    await raiseEachOccurrence(dialog);
    const issue = await within(dialog).findByText(message);
    const field = within(dialog).getByRole('textbox', { name: eachOccurrence });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(issue.id);
    expect(within(dialog).getByText('Fix the fields marked below.')).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save requirements' }).disabled).toBe(true);
  });

  it('shows the server’s 403 sentence plainly when a non-manager saves', async () => {
    const sentence = "Only compliance managers can change insurance requirements. Ask your company's insurance or compliance manager.";
    fakeApi({
      [`GET ${companyPath}`]: [ok(view('company'))],
      [`GET ${carriersPath}`]: [ok(carriers)],
      [`POST ${companyPath}/preview`]: [ok(preview)],
      [`PUT ${companyPath}`]: [failure(403, 'forbidden', sentence)],
    });
    const dialog = await openEditor();
    const user = await raiseEachOccurrence(dialog);
    await within(dialog).findByText(/3 vendors would change status/);
    await user.click(within(dialog).getByRole('button', { name: 'Save requirements' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(sentence);
  });

  it('says a project set is its own and goes back to the company default with DELETE', async () => {
    const api = fakeApi({ [`GET ${projectPath}`]: [ok(view('project', '7'))], [`DELETE ${projectPath}`]: [ok(view('company', '7'))] });
    const dialog = await openEditor('7');
    expect(within(dialog).getByText(/This project has its own requirements/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Import carrier ratings' })).toBeNull();
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Use the company default' }));
    expect(await within(dialog).findByText(/This project follows the company default/)).toBeTruthy();
    expect(api.callsTo('DELETE', projectPath)).toHaveLength(1);
    expect(within(dialog).queryByRole('button', { name: 'Use the company default' })).toBeNull();
  });

  it('uploads the carrier CSV as text/csv and lists rejected rows with their line numbers', async () => {
    fakeApi({ [`GET ${companyPath}`]: [ok(view('company'))], [`GET ${carriersPath}`]: [ok(carriers)] });
    // fakeApi reads bodies as JSON; the CSV upload is answered here so its raw text can be checked.
    const jsonFetch = globalThis.fetch;
    const uploads: { body: unknown; contentType: string | null }[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method !== 'PUT') return jsonFetch(input, init);
      uploads.push({ body: init.body, contentType: new Headers(init.headers).get('Content-Type') });
      const errors = [
        { line: 3, message: 'AM Best rating "Z+" is not a rating' },
        { line: 7, message: 'NAIC must be digits' },
      ];
      const body = { error: { code: 'invalid_input', message: 'The carrier table was not imported: 2 rows need fixing.', details: { errors } } };
      return new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/json' } });
    });
    const dialog = await openEditor();
    const user = userEvent.setup();
    const csv = 'naic,name,am_best\n12345,Good Mutual,A XV\n';
    await user.upload(within(dialog).getByLabelText('Carrier ratings CSV file'), new File([csv], 'carriers.csv', { type: 'text/csv' }));
    await user.click(within(dialog).getByRole('button', { name: 'Import carrier ratings' }));

    const rows = await within(dialog).findByRole('list', { name: 'Rows to fix' });
    expect(within(rows).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Line 3: AM Best rating "Z+" is not a rating',
      'Line 7: NAIC must be digits',
    ]);
    expect(uploads).toEqual([{ body: csv, contentType: 'text/csv' }]);
  });

  it('reports how many carriers an accepted import holds', async () => {
    fakeApi({
      [`GET ${companyPath}`]: [ok(view('company'))],
      [`GET ${carriersPath}`]: [ok(carriers)],
      [`PUT ${carriersPath}`]: [ok({ count: 3, sample: [] })],
    });
    const jsonFetch = globalThis.fetch;
    // The CSV is not JSON: hand fakeApi an empty body for the upload so it can record the call.
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => jsonFetch(input, init?.method === 'PUT' ? { ...init, body: undefined } : init));
    const dialog = await openEditor();
    const user = userEvent.setup();
    await user.upload(within(dialog).getByLabelText('Carrier ratings CSV file'), new File(['naic,name,am_best\n'], 'c.csv', { type: 'text/csv' }));
    await user.click(within(dialog).getByRole('button', { name: 'Import carrier ratings' }));
    expect(await within(dialog).findByText('3 carriers imported.')).toBeTruthy();
  });
});
