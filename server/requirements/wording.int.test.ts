import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { COMPANY_A, USER_ADMIN, USER_COMPLIANCE } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { CreateRequestsResult } from '../contracts/requests';
import type { PortalInfo } from '../contracts/portal';

// A request tells the sub the project's actual requirements, in the email and on the upload page.

let stack: Stack;
let admin: string;
let directory: Directory;
const projectId = 2783001;
const base = `/api/companies/${COMPANY_A}`;

const projectSet = {
  name: 'Riverside owner contract',
  lines: {
    general_liability: { minimums: { eachOccurrence: 2_000_000, generalAggregate: 4_000_000 }, additionalInsuredRequired: true, endorsements: [{ label: 'Additional insured', anyOf: [['CG 20 10', 'CG 20 37']] }] },
    umbrella_liability: { minimums: { eachOccurrence: 10_000_000 } },
  },
  certificateHolder: { name: 'Summit Ridge Builders, LLC', address: { line1: '1200 Market St', city: 'Denver', state: 'CO', postalCode: '80202' } },
  descriptionMustContain: ['Riverside Health Partners'],
  descriptionMustNameProject: true,
};

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.signIn(USER_ADMIN);
  const manager = await stack.signIn(USER_COMPLIANCE);
  const saved = await stack.api(manager, `${base}/projects/${projectId}/requirements`, { method: 'PUT', body: JSON.stringify(projectSet) });
  expect(saved.status).toBe(200);
  directory = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data;
});
afterAll(async () => stack?.close());

describe('requests tell the truth', () => {
  it("lists the project's own lines, limits, endorsements, holder and wording in the email and on the upload page", async () => {
    const vendor = directory.vendors.find((v) => v.emailValid)!;
    const res = await stack.api(admin, `${base}/projects/${projectId}/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: [vendor.vendorId] }) });
    expect(((await res.json()) as { data: CreateRequestsResult }).data.created).toHaveLength(1);
    const mail = await waitFor(() => stack.mail.messages().find((m) => m.to.includes(vendor.email!)), 20_000, 'request email');
    const wanted = [
      'General liability: at least $2,000,000 each occurrence and $4,000,000 general aggregate; with us named as additional insured; Additional insured endorsement: forms CG 20 10 and CG 20 37, attached to the certificate',
      'Umbrella/excess liability: at least $10,000,000 each occurrence',
      'Certificate holder, exactly: "Summit Ridge Builders, LLC", 1200 Market St, Denver, CO 80202',
      'Description of operations must mention: "Riverside Medical Center" and "Riverside Health Partners"',
    ];
    for (const line of wanted) expect(mail.text).toContain(`- ${line}`);
    expect(mail.text).not.toMatch(/if you (carry|have)/i);
    expect(mail.html).toContain('Summit Ridge Builders, LLC');

    const token = /\/portal\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const info = ((await (await fetch(`${stack.app.url}/api/portal/${token}`)).json()) as { data: PortalInfo }).data;
    expect(info.requirements).toEqual(expect.arrayContaining(wanted));
    expect(info.requirements.join('\n')).not.toMatch(/if you (carry|have)/i);
  });

  it('holds a global request to the company default: the $5M umbrella and CG 20 10 + CG 20 37 are stated as required', async () => {
    const vendor = directory.vendors.filter((v) => v.emailValid)[1]!;
    await stack.api(admin, `${base}/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: [vendor.vendorId] }) });
    const mail = await waitFor(() => stack.mail.messages().find((m) => m.to.includes(vendor.email!) && m.subject.includes('all of our projects')), 20_000, 'global request email');
    expect(mail.text).toMatch(/- Umbrella\/excess liability: .*at least \$(5|10),000,000 each occurrence/);
    expect(mail.text).toMatch(/forms CG 20 10 and CG 20 37/);
    expect(mail.text).not.toMatch(/if you (carry|have)/i);
  });
});
