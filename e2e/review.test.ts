import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Stack } from '../test/stack';
import { startBrowserStack, type BrowserStack } from './stack';
import { waitFor } from '../test/wait';
import { checkAccessibility } from './axe';
import { appFrame, connect, emulatorMail, openProjectPanel, portalLinkIn, projectVendorsWithEmail, requestTicked, tick, uploadThroughPortal } from './panel';

// A compliance manager's review in the emulated Procore: the sub uploads a certificate whose
// policies have run out, it is checked to Awaiting New COI with the deficiency email, and the
// review, opened from the 371 px side panel, opens in the app's full-screen page with the
// certificate drawn by pdf.js and a highlight over each value read. Two files the reader cannot
// place wait for a person; from the side panel one opens full screen inside the review queue,
// walked with the keyboard.

const fixtures = path.resolve(import.meta.dirname, '../test/fixtures/certificates');
const certificate = path.join(fixtures, 'text-1.pdf');
const notACertificate = path.join(fixtures, 'not-a-certificate.pdf');
const projectId = 2783001;
let env: BrowserStack;
let stack: Stack;
let context: BrowserContext;
beforeAll(async () => {
  env = await startBrowserStack();
  ({ stack, context } = env);
});
afterAll(async () => env?.close());

async function requestMail(email: string) {
  return waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(email)), 30_000, `the request email to ${email}`);
}

/** From the side panel's directory: the vendor's request, then its review, which Procore opens full screen. */
async function reviewFromPanel(page: Page, panel: FrameLocator, vendor: string, status: string): Promise<FrameLocator> {
  await panel.getByRole('searchbox', { name: 'Search companies' }).fill(vendor);
  const button = panel.getByRole('button', { name: `${status}: view the request for ${vendor}` });
  await button.click({ timeout: 60_000 });
  await panel.getByRole('dialog', { name: 'COI request' }).getByRole('button', { name: 'Review certificate (opens full screen)' }).click({ timeout: 30_000 });
  await page.waitForURL(`**/project/${projectId}/apps/coi-compliance`);
  const full = appFrame(page);
  await full.getByRole('dialog', { name: /^Certificate review/ }).waitFor({ timeout: 60_000 });
  return full;
}

describe('certificate review in the emulated Procore', () => {
  it('opens a review from the side panel full screen, highlights its values and walks the queue with the keyboard', async () => {
    const page = await context.newPage();
    const frame = await openProjectPanel(page, stack.emulator.url, 'Summit Ridge Builders', 'Riverside Medical Center');
    await connect(page, frame, 'Carla Nguyen');
    const [v, ...unplaced] = projectVendorsWithEmail(stack.emulator, projectId, 3);
    for (const vendor of [v!, ...unplaced]) await tick(frame, vendor.name);
    await requestTicked(frame, 3);
    await checkAccessibility(frame, 'project panel (side panel)');

    const portal = await context.newPage();
    await portal.goto(portalLinkIn(await requestMail(v!.email)));
    await portal.getByRole('heading', { name: 'Send the certificate' }).waitFor();
    await checkAccessibility(portal, 'upload portal');
    await portal.close();
    await uploadThroughPortal(context, portalLinkIn(await requestMail(v!.email)), certificate);
    for (const u of unplaced) await uploadThroughPortal(context, portalLinkIn(await requestMail(u.email)), notACertificate);
    const deficiency = await waitFor(
      async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(v!.email) && m.subject.includes('needs changes')),
      30_000,
      'the deficiency email',
    );
    expect(deficiency.text).toContain('/portal/');

    const full = await reviewFromPanel(page, frame, v!.name, 'Awaiting New COI');
    const region = full.getByRole('region', { name: 'Certificate' });
    await region.locator('canvas').waitFor({ timeout: 30_000 });
    const highlights = region.locator('[data-pointer]');
    await expect.poll(() => highlights.count(), { timeout: 60_000 }).toBeGreaterThan(10);
    const box = await highlights.first().boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    // A draw given up for a newer one (a resize, React's second effect) must not show as a failure.
    expect(await region.getByRole('alert').count()).toBe(0);
    await checkAccessibility(full, 'review screen');

    const deficiencies = full.getByRole('list', { name: 'Deficiencies' });
    await deficiencies.getByRole('button').first().click();
    await expect.poll(() => region.locator('[aria-current="true"]').count()).toBe(1);
    expect(await full.getByRole('list', { name: 'Extracted values' }).getByRole('listitem').count()).toBeGreaterThan(10);

    // The two files waiting for a person: the second opens full screen as 2 of 2, Alt+← goes back.
    await page.goto(`${stack.emulator.url}/4271001/project/${projectId}/directory?panel=open`);
    const queued = await reviewFromPanel(page, appFrame(page), unplaced[1]!.name, 'Under review');
    const position = queued.getByText(/of 2 in the review queue/);
    await position.waitFor({ timeout: 30_000 });
    const start = await position.textContent();
    await position.click(); // the review screen holds the keyboard once the frame has focus
    await page.keyboard.press(start?.startsWith('2') ? 'Alt+ArrowLeft' : 'Alt+ArrowRight');
    await queued.getByText(start?.startsWith('2') ? '1 of 2 in the review queue' : '2 of 2 in the review queue').waitFor({ timeout: 30_000 });
    await checkAccessibility(queued, 'review queue');
    await page.close();
  }, 240_000); // three uploads read and two Procore pages loaded: allow for a busy machine
});
