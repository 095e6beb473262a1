import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { Stack } from '../test/stack';
import { startBrowserStack, type BrowserStack } from './stack';
import { waitFor } from '../test/wait';
import { connect, emulatorMail, openProjectPanel, portalLinkIn, projectVendorsWithEmail, requestTicked, tick, uploadThroughPortal } from './panel';

// A compliance manager's review in the emulated Procore: the sub uploads a certificate whose
// policies have run out, it is checked to Awaiting New COI with the deficiency email, and the
// review screen shows the certificate drawn by pdf.js with a highlight over each value read.

const certificate = path.resolve(import.meta.dirname, '../test/fixtures/certificates/text-1.pdf');
const projectId = 2783001;
let env: BrowserStack;
let stack: Stack;
let context: BrowserContext;
beforeAll(async () => {
  env = await startBrowserStack();
  ({ stack, context } = env);
});
afterAll(async () => env?.close());

describe('certificate review in the emulated Procore', () => {
  it('shows a deficient certificate with its values highlighted over the page', async () => {
    const page = await context.newPage();
    const frame = await openProjectPanel(page, stack.emulator.url, 'Summit Ridge Builders', 'Riverside Medical Center');
    await connect(page, frame, 'Carla Nguyen');
    const v = projectVendorsWithEmail(stack.emulator, projectId, 1)[0]!;
    await tick(frame, v.name);
    await requestTicked(frame, 1);
    const requestMail = await waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(v.email)), 30_000, 'the request email');
    await uploadThroughPortal(context, portalLinkIn(requestMail), certificate);

    await frame.getByRole('searchbox', { name: 'Search companies' }).fill(v.name);
    const status = frame.getByRole('button', { name: `Awaiting New COI: view the request for ${v.name}` });
    await status.waitFor({ timeout: 60_000 });
    const deficiency = await waitFor(
      async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(v.email) && m.subject.includes('needs changes')),
      30_000,
      'the deficiency email',
    );
    expect(deficiency.text).toContain('/portal/');

    await status.click();
    await frame.getByRole('dialog', { name: 'COI request' }).getByRole('button', { name: 'Review certificate' }).click();
    const region = frame.getByRole('region', { name: 'Certificate' });
    await region.locator('canvas').waitFor({ timeout: 30_000 });
    const highlights = region.locator('[data-pointer]');
    await expect.poll(() => highlights.count(), { timeout: 60_000 }).toBeGreaterThan(10);
    const box = await highlights.first().boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    // A draw given up for a newer one (a resize, React's second effect) must not show as a failure.
    expect(await region.getByRole('alert').count()).toBe(0);

    const deficiencies = frame.getByRole('list', { name: 'Deficiencies' });
    const firstLinked = deficiencies.getByRole('button').first();
    await firstLinked.click();
    await expect.poll(() => region.locator('[aria-current="true"]').count()).toBe(1);
    expect(await frame.getByRole('list', { name: 'Extracted values' }).getByRole('listitem').count()).toBeGreaterThan(10);
    await page.close();
  });
});
