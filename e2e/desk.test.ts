import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startStack, type Stack } from '../test/stack';
import { viteClient } from '../server/client-assets';
import { launchChromium } from './browser';
import { checkAccessibility } from './axe';
import { appFrame, connect, projectVendorsWithEmail, requestTicked, tick } from './panel';

// The compliance manager's desk in a real browser: a project's full-screen app, two requests
// made from the directory, then the overview counts them, its number opens the register
// filtered to them, a row opens the vendor's history, and the pay-app holds tab answers.
// axe-core checks every screen on the way, and the company's own screens after.

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

/** Opens a dialog from its button, checks it, and closes it. */
async function checkDialog(frame: FrameLocator, page: Page, button: string, name: string, ready: RegExp): Promise<void> {
  await frame.getByRole('button', { name: button, exact: true }).click();
  const dialog = frame.getByRole('dialog', { name });
  await dialog.getByText(ready).first().waitFor({ timeout: 30_000 });
  await checkAccessibility(frame, name);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

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
      await frame.getByRole('searchbox', { name: 'Search companies' }).waitFor({ timeout: 60_000 });
      await checkAccessibility(frame, 'project directory');
      for (const v of picked) await tick(frame, v.name);
      await requestTicked(frame, 2);

      await frame.getByRole('tab', { name: 'Overview' }).click();
      const pending = frame.getByRole('button', { name: '2 Pending: show in the register' });
      await pending.waitFor({ timeout: 60_000 });
      await checkAccessibility(frame, 'project overview');
      await pending.click();
      const table = frame.getByRole('table', { name: 'Compliance register' });
      const history = table.getByRole('button', { name: `History of ${picked[0]!.name}` });
      await history.waitFor({ timeout: 30_000 });
      await checkAccessibility(frame, 'register');
      await history.click();
      const drawer = frame.getByRole('dialog', { name: `History: ${picked[0]!.name}` });
      await drawer.getByText(/Certificate requested/).first().waitFor({ timeout: 30_000 });
      await drawer.getByText(/Alice Morgan/).first().waitFor();
      await checkAccessibility(frame, 'vendor history');
      await page.keyboard.press('Escape');

      await frame.getByRole('tab', { name: 'Pay-app holds' }).click();
      await frame.getByText(/commitments? to hold|no pay application needs holding/).first().waitFor({ timeout: 30_000 });
      await checkAccessibility(frame, 'pay-app holds');
      await frame.getByRole('tab', { name: 'Directory' }).click();
      await checkDialog(frame, page, 'Requirements', 'Requirements', /Save/);

      // A commitment's page: the side panel says first whether to hold its pay applications.
      const commitment = [...stack.emulator.state.commitments.values()].find((c) => c.project_id === project.id)!;
      await page.goto(`${stack.emulator.url}/${project.company_id}/project/${project.id}/commitments/${commitment.id}?panel=open`);
      const panel = appFrame(page);
      await panel.getByText(/pay-app hold|Hold pay applications/).first().waitFor({ timeout: 60_000 });
      await checkAccessibility(panel, 'commitment hold in the side panel');

      // The company home: its directory, settings, requirements, users and roles, and overview.
      await page.goto(`${stack.emulator.url}/${project.company_id}/company/apps/coi-compliance`);
      const company = appFrame(page);
      await company.getByRole('searchbox', { name: 'Search companies' }).waitFor({ timeout: 60_000 });
      await checkAccessibility(company, 'company directory');
      // Asked per project only: the company view says so instead of "Not requested", and the name opens the history.
      await company.getByRole('searchbox', { name: 'Search companies' }).fill(picked[0]!.name);
      const row = company.getByRole('row').filter({ hasText: picked[0]!.name });
      await row.getByText('Projects: 1 Pending').waitFor({ timeout: 30_000 });
      expect(await row.getByText('Not requested').count()).toBe(0);
      await row.getByRole('button', { name: `History of ${picked[0]!.name}` }).click();
      await company.getByRole('dialog', { name: `History: ${picked[0]!.name}` }).getByText(/Certificate requested/).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await company.getByRole('searchbox', { name: 'Search companies' }).fill('');
      await checkDialog(company, page, 'Settings', 'Settings', /Save/);
      await checkDialog(company, page, 'Users and roles', 'Users and roles', /Alice Morgan/);
      await checkDialog(company, page, 'Requirements', 'Requirements', /Save/);
      await company.getByRole('tab', { name: 'Overview' }).click();
      await company.getByRole('heading', { name: 'Status by project' }).waitFor({ timeout: 60_000 });
      await company.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
      await checkAccessibility(company, 'company overview');
      await company.getByRole('tab', { name: 'Register' }).click();
      await company.getByRole('table', { name: 'Compliance register' }).getByRole('row').nth(1).waitFor({ timeout: 30_000 });
      await checkAccessibility(company, 'company register');
      const rowCount = company.getByText(/^[\d,]+ rows?$/);
      const everyTrade = await rowCount.textContent();
      await company.getByRole('combobox', { name: 'Trade' }).selectOption({ index: 1 });
      await expect.poll(() => rowCount.textContent(), { timeout: 30_000 }).not.toBe(everyTrade);
    } finally {
      await context.close();
    }
  });
});
