import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator } from 'playwright-core';
import { startStack, type Stack } from '../test/stack';
import { waitFor } from '../test/wait';
import { viteClient } from '../server/client-assets';
import { generate } from '../scripts/corpus/variants';
import { COMPANY_A, USER_COMPLIANCE } from '../scripts/procore-emulator/seed-people';
import type { MailItem } from '../scripts/procore-emulator/index';
import { launchChromium } from './browser';
import { connect, openProjectPanel, tick } from './panel';

// Checking certificates as a sub and a GC see it: a deficient certificate through the portal
// gets Awaiting New COI and a deficiency email with the same link; a good one gets Compliant.

const projectId = 2783002;
const expired = path.resolve(import.meta.dirname, '../test/fixtures/certificates/text-1.pdf');
let stack: Stack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack({ mountClient: await viteClient({ hmr: false }) });
  browser = await launchChromium();
  context = await browser.newContext();
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
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

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
  return waitFor(async () => {
    const all = (await (await fetch(`${stack.emulator.url}/__emulator/mail`)).json()) as MailItem[];
    return all.find((m) => m.to.includes(email) && subject.test(m.subject));
  }, 60_000, `an email to ${email} matching ${subject}`);
}

async function upload(link: string, file: string): Promise<void> {
  const portal = await context.newPage();
  await portal.goto(link);
  await portal.getByRole('heading', { name: 'Send the certificate' }).waitFor();
  await portal.locator('input[type="file"]').setInputFiles(file);
  await portal.getByRole('button', { name: 'Send' }).click();
  await portal.getByText(/Received/).first().waitFor({ timeout: 30_000 });
  await portal.close();
}

async function statusOf(frame: FrameLocator, name: string, status: string): Promise<void> {
  await frame.getByRole('searchbox', { name: 'Search companies' }).fill(name);
  await frame.getByRole('row').filter({ hasText: name }).getByText(status, { exact: true }).first().waitFor({ timeout: 60_000 });
}

describe('certificates checked against the project requirements', () => {
  it('asks for a new certificate when one falls short, and shows Compliant when a good one arrives', async () => {
    const page = await context.newPage();
    const frame = await openProjectPanel(page, stack.emulator.url, 'Summit Ridge Builders', 'Oak Street Lofts');
    await connect(page, frame, 'Carla Nguyen');
    const vendor = [...stack.emulator.state.directories.get(projectId)!]
      .map((id) => stack.emulator.state.vendors.get(id)!)
      .find((v) => v.is_active !== false && /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v.email_address ?? ''))!;
    const email = vendor.email_address!.toLowerCase();
    await tick(frame, vendor.name);
    await frame.getByRole('button', { name: 'Request COI' }).first().click();
    await frame.getByRole('dialog').getByRole('button', { name: /^Send 1 request/ }).click();
    await frame.getByRole('dialog').getByRole('button', { name: 'OK' }).click();

    const request = await mailTo(email, /certificate of insurance/i);
    const link = /https?:\/\/\S+\/portal\/[A-Za-z0-9_-]{43}/.exec(request.text)![0];
    await upload(link, expired);
    await statusOf(frame, vendor.name, 'Awaiting New COI');
    const deficiency = await mailTo(email, /needs changes/);
    expect(deficiency.text).toContain(link);
    expect(deficiency.text).toMatch(/expired/i);

    await upload(link, await currentCertificate(vendor.name));
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
