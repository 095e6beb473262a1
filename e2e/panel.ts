import type { FrameLocator, Page } from 'playwright-core';

// What a user does in the emulated Procore page with the app inside.

export function appFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="COI Compliance"]');
}

/** Connect to Procore through the sign-in popup as the seeded user with this name. */
export async function connect(page: Page, frame: FrameLocator, userName: string): Promise<void> {
  const connectButton = frame.getByRole('button', { name: 'Connect to Procore' });
  await connectButton.waitFor({ timeout: 60_000 });
  const [popup] = await Promise.all([page.waitForEvent('popup'), connectButton.click()]);
  await popup.getByLabel(new RegExp(userName)).check();
  await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Allow' }).click()]);
}

/** Finds a company the way a user does: search for it, then tick its checkbox. */
export async function tick(frame: FrameLocator, name: string): Promise<void> {
  await frame.getByRole('searchbox', { name: 'Search companies' }).fill(name);
  await frame.getByRole('checkbox', { name, exact: true }).check({ timeout: 30_000 });
}

/** Opens a project's directory page and the app in its side panel. */
export async function openProjectPanel(page: Page, emulatorUrl: string, companyName: string, projectName: string): Promise<FrameLocator> {
  await page.goto(emulatorUrl);
  await page.getByRole('link', { name: companyName }).click();
  await page.getByRole('link', { name: projectName }).first().click();
  await page.getByRole('link', { name: 'Directory' }).first().click();
  await page.getByRole('button', { name: 'Apps' }).click();
  return appFrame(page);
}
