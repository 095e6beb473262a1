import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Stack } from '../test/stack';
import { startBrowserStack, type BrowserStack } from './stack';
import { waitFor } from '../test/wait';
import { appFrame, connect, emulatorMail, mapTemplate, statusOf, openProjectPanel, portalLinkIn, projectVendorsWithEmail, requestTicked, tick, uploadThroughPortal } from './panel';
import type { MailItem } from '../scripts/procore-emulator/index';

// Requesting certificates as users do: tick companies, Request COI, the emails arrive, the sub
// follows a link and uploads, and the panel shows Under review; then a global request from the
// company home, and an automatic request when a commitment is created in Procore.

const certificate = path.resolve(import.meta.dirname, '../test/fixtures/certificates/text-1.pdf');
const projectId = 2783001;
let env: BrowserStack;
let stack: Stack;
let context: BrowserContext;
beforeAll(async () => {
  env = await startBrowserStack();
  ({ stack, context } = env);
  // Project managers request COIs here: their Procore template is mapped to inviter.
  await mapTemplate(stack, 1, 'inviter');
});
afterAll(async () => env?.close());


/** After an upload the request is Under review, and within seconds checked: it ends in one of these. */
const receivedStatus = /^(Under review|Awaiting New COI|Compliant)$/;

describe('COI requests in the emulated Procore', () => {
  let page: Page;

  it('requests three companies of a project, the sub uploads, and the panel shows it received and checked', async () => {
    page = await context.newPage();
    const frame = await openProjectPanel(page, stack.emulator.url, 'Summit Ridge Builders', 'Riverside Medical Center');
    await connect(page, frame, 'Pete Alvarez');
    const picked = projectVendorsWithEmail(stack.emulator, projectId, 3);
    for (const v of picked) await tick(frame, v.name);
    await requestTicked(frame, 3);
    await statusOf(frame, picked[0]!.name, 'Pending');

    const mails = await waitFor(async () => {
      const all = await emulatorMail(stack.emulator.url);
      const mine = picked.map((v) => all.find((m) => m.to.includes(v.email)));
      return mine.every(Boolean) ? (mine as MailItem[]) : null;
    }, 30_000, 'three request emails in the emulator mailbox');
    expect(mails.every((m) => m.subject.includes('Riverside Medical Center'))).toBe(true);

    await uploadThroughPortal(context, portalLinkIn(mails[0]!), certificate);
    await statusOf(frame, picked[0]!.name, receivedStatus);
  });

  it('sends a global request from the company home', async () => {
    const home = await context.newPage();
    await home.goto(`${stack.emulator.url}/4271001/company/home`);
    await home.getByRole('link', { name: 'Open COI Compliance' }).click();
    const frame = appFrame(home);
    await connect(home, frame, 'Alice Morgan');
    const v = projectVendorsWithEmail(stack.emulator, projectId, 1, 5)[0]!;
    await tick(frame, v.name);
    await requestTicked(frame, 1);
    const mail = await waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(v.email)), 30_000, 'the global request email');
    expect(mail.subject).toContain('all of our projects');
    await uploadThroughPortal(context, portalLinkIn(mail), certificate);
    await statusOf(frame, v.name, receivedStatus);
    await home.close();
  });

  it('requests a new commitment’s vendor automatically once the company turned it on', async () => {
    // A company admin connects the app's service account once: background work (webhook events) runs on it.
    const admin = await context.newPage();
    await admin.goto(`${stack.emulator.url}/4271001/company/home`);
    await admin.getByRole('link', { name: 'Open COI Compliance' }).click();
    const adminFrame = appFrame(admin);
    await connect(admin, adminFrame, 'Alice Morgan');
    await adminFrame.getByRole('button', { name: 'Settings' }).click();
    await adminFrame.getByRole('button', { name: 'Connect the service account' }).click();
    await adminFrame.getByText(/connected by Alice Morgan/).waitFor({ timeout: 15_000 });
    await admin.close();

    const home = await context.newPage();
    await home.goto(`${stack.emulator.url}/4271001/company/home`);
    await home.getByRole('link', { name: 'Open COI Compliance' }).click();
    const frame = appFrame(home);
    await connect(home, frame, 'Carla Nguyen');
    await frame.getByRole('button', { name: 'Settings' }).click();
    await frame.getByRole('checkbox', { name: /automatically when a commitment is created/i }).check();
    await frame.getByRole('checkbox', { name: /automatically when a vendor is added to a project/i }).check();
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await waitFor(async () => {
      const saved = await stack.database.db('company_settings').first();
      return saved?.auto_request_commitments && saved.auto_request_project_vendors;
    }, 15_000, 'settings saved');

    // A vendor added to the project directory in Procore is asked for a COI too.
    await fetch(`${stack.emulator.url}/__emulator/vendors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company_id: 4271001, project_id: projectId, name: 'Northgate Glass Works', email: 'office@northgate-glass.example' }),
    });
    await waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes('office@northgate-glass.example')), 30_000, 'the request to the vendor added to the project');

    const v = projectVendorsWithEmail(stack.emulator, projectId, 1, 10)[0]!;
    await fetch(`${stack.emulator.url}/__emulator/commitments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ project_id: projectId, vendor_id: v.id, kind: 'work_order', title: 'Glazing package', grand_total: 480000 }),
    });
    const mail = await waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(v.email)), 30_000, 'the automatic request email');
    await uploadThroughPortal(context, portalLinkIn(mail), certificate);
    const frameProject = await openProjectPanel(home, stack.emulator.url, 'Summit Ridge Builders', 'Riverside Medical Center');
    await connect(home, frameProject, 'Carla Nguyen');
    await statusOf(frameProject, v.name, receivedStatus);
  });
});
