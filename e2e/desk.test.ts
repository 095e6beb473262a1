import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../test/stack';
import { viteClient } from '../server/client-assets';
import { launchChromium } from './browser';
import { appFrame, connect, projectVendorsWithEmail, requestTicked, tick } from './panel';

// The compliance manager's desk in a real browser: a project's full-screen app, two requests
// made from the directory, then the overview counts them, its number opens the register
// filtered to them, a row opens the vendor's history, and the pay-app holds tab answers.

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

describe('the desk', () => {
  it('counts requests on the overview, opens the filtered register from the number and a vendor history from a row', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const project = stack.emulator.state.projects.find((p) => p.name === 'Riverside Medical Center')!;
      await page.goto(`${stack.emulator.url}/${project.company_id}/project/${project.id}/apps/coi-compliance`);
      const frame = appFrame(page);
      await connect(page, frame, 'Alice Morgan');
      const picked = projectVendorsWithEmail(stack.emulator, project.id, 2);
      for (const v of picked) await tick(frame, v.name);
      await requestTicked(frame, 2);

      await frame.getByRole('tab', { name: 'Overview' }).click();
      await frame.getByRole('button', { name: '2 Pending: show in the register' }).click({ timeout: 60_000 });
      const table = frame.getByRole('table', { name: 'Compliance register' });
      await table.getByRole('button', { name: `History of ${picked[0]!.name}` }).click({ timeout: 30_000 });
      const drawer = frame.getByRole('dialog', { name: `History: ${picked[0]!.name}` });
      await drawer.getByText(/Certificate requested/).first().waitFor({ timeout: 30_000 });
      await drawer.getByText(/Alice Morgan/).first().waitFor();
      await page.keyboard.press('Escape');

      await frame.getByRole('tab', { name: 'Pay-app holds' }).click();
      await frame.getByText(/commitments? to hold|no pay application needs holding/).first().waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  });
});
