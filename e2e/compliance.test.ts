import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { Stack } from '../test/stack';
import { startBrowserStack, type BrowserStack } from './stack';
import { waitFor } from '../test/wait';
import { generate } from '../scripts/corpus/variants';
import { COMPANY_A, USER_COMPLIANCE } from '../scripts/procore-emulator/seed-people';
import type { MailItem } from '../scripts/procore-emulator/index';
import { connect, emulatorMail, statusOf, openProjectPanel, portalLinkIn, projectVendorsWithEmail, requestTicked, tick, uploadThroughPortal } from './panel';

// Checking certificates as a sub and a GC see it: a deficient certificate through the portal
// gets Awaiting New COI and a deficiency email with the same link; a good one gets Compliant.

const projectId = 2783002;
const expired = path.resolve(import.meta.dirname, '../test/fixtures/certificates/text-1.pdf');
let env: BrowserStack;
let stack: Stack;
let context: BrowserContext;

beforeAll(async () => {
  env = await startBrowserStack();
  ({ stack, context } = env);
  // The project asks for general liability only, so a current certificate can meet it.
  const manager = await stack.signIn(USER_COMPLIANCE);
  const res = await stack.api(manager, `/api/companies/${COMPANY_A}/projects/${projectId}/requirements`, {
    method: 'PUT',
    body: JSON.stringify({
      name: 'Oak Street Lofts',
      lines: { general_liability: { required: true, minimums: { eachOccurrence: 500_000 } } },
      minimumDaysRemaining: 30,
      descriptionMustNameProject: false,
      flagSurplusLines: false,
    }),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => env?.close());

const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A synthetic certificate for this vendor whose policies run from last month to next year. */
async function currentCertificate(insuredName: string): Promise<string> {
  const made = await generate('text', 4242, {
    adjust: (t) => {
      t.insured.name = insuredName;
      for (const p of t.policies) {
        p.effectiveDate = isoDaysFromNow(-30);
        p.expirationDate = isoDaysFromNow(335);
      }
    },
  });
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'coi-e2e-')), 'current-certificate.pdf');
  await writeFile(file, made.bytes);
  return file;
}

async function mailTo(email: string, subject: RegExp): Promise<MailItem> {
  return waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(email) && subject.test(m.subject)), 60_000, `an email to ${email} matching ${subject}`);
}


describe('certificates checked against the project requirements', () => {
  it('asks for a new certificate when one falls short, and shows Compliant when a good one arrives', async () => {
    const page = await context.newPage();
    const frame = await openProjectPanel(page, stack.emulator.url, 'Summit Ridge Builders', 'Oak Street Lofts');
    await connect(page, frame, 'Carla Nguyen');
    const vendor = projectVendorsWithEmail(stack.emulator, projectId, 1)[0]!;
    const email = vendor.email;
    await tick(frame, vendor.name);
    await requestTicked(frame, 1);

    const request = await mailTo(email, /certificate of insurance/i);
    const link = portalLinkIn(request);
    await uploadThroughPortal(context, link, expired);
    await statusOf(frame, vendor.name, 'Awaiting New COI');
    const deficiency = await mailTo(email, /needs changes/);
    expect(deficiency.text).toContain(link);
    expect(deficiency.text).toMatch(/expired/i);

    await uploadThroughPortal(context, link, await currentCertificate(vendor.name));
    const done = await waitFor(async () => {
      const r = await stack.database.db('coi_requests').where({ vendor_id: vendor.id, project_id: projectId }).first('status');
      return r && r.status !== 'under_review' && r.status !== 'awaiting_new_coi' ? r.status : null;
    }, 60_000, 'the second certificate checked').catch(async (err: unknown) => {
      const events = await stack.database.db('request_events').orderBy('id').select('kind', 'data');
      throw new Error(`${String(err)}: ${JSON.stringify(events.slice(-3))}`);
    });
    expect(done).toBe('compliant');
    await statusOf(frame, vendor.name, 'Compliant');
  });
});
