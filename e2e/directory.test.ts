import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startStack, type Stack } from '../test/stack';
import { viteClient } from '../server/client-assets';
import { launchChromium } from './browser';
import { appFrame, connect, openProjectPanel, tick } from './panel';

// What a newcomer does: open the emulated Procore, open a project, open the app in the side
// panel, connect through the popup, and see the directory with its checkboxes; then the same
// in the company home's full-screen app.

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack({ mountClient: await viteClient({ hmr: false }) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the app inside the emulated Procore', () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it('shows the project directory in the side panel after connecting', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const frame = await openProjectPanel(page, stack.emulator.url, 'Summit Ridge Builders', 'Riverside Medical Center');
    await connect(page, frame, 'Pete Alvarez');

    const project = stack.emulator.state.projects.find((p) => p.name === 'Riverside Medical Center')!;
    const someVendorId = [...stack.emulator.state.directories.get(project.id)!][0]!;
    const vendorName = stack.emulator.state.vendors.get(someVendorId)!.name;
    await tick(frame, vendorName);
    await frame.getByText('1 selected').waitFor();
    expect(await frame.getByRole('checkbox', { name: 'Select all' }).isVisible()).toBe(true);
    const width = await page.locator('iframe[title="COI Compliance"]').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(400);
  });

  it('shows the company directory in the full-screen app from the company home', async () => {
    const fresh = await browser.newContext();
    try {
      const page = await fresh.newPage();
      await page.goto(stack.emulator.url);
      await page.getByRole('link', { name: 'Summit Ridge Builders' }).click();
      await page.getByRole('link', { name: 'Open COI Compliance' }).click();
      const frame = appFrame(page);
      await connect(page, frame, 'Alice Morgan');

      const vendors = [...stack.emulator.state.vendors.values()].filter((v) => v.company_id === 4271001 && v.is_active !== false);
      const first = vendors.map((v) => v.name).sort()[0]!;
      await frame.getByRole('checkbox', { name: first, exact: true }).waitFor({ timeout: 30_000 });
      await frame.getByRole('checkbox', { name: 'Select all' }).check();
      await frame.getByText(`${vendors.length.toLocaleString('en-US')} selected`).waitFor();
    } finally {
      await fresh.close();
    }
  });
});
