import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Emulator, MailItem } from '../scripts/procore-emulator/index';
import type { Stack } from '../test/stack';
import { COMPANY_A, USER_COMPLIANCE, templateId } from '../scripts/procore-emulator/seed-people';

// What a user does in the emulated Procore page with the app inside.

export function appFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="COI Compliance"]');
}

/**
 * Connect to Procore through the sign-in popup as the seeded user with this name. The panel
 * stays signed in across pages of one browser context, so someone else signed in is signed out first.
 */
export async function connect(page: Page, frame: FrameLocator, userName: string): Promise<void> {
  const connectButton = frame.getByRole('button', { name: 'Connect to Procore' });
  const signedIn = frame.getByText(/Signed in as /);
  await connectButton.or(signedIn).first().waitFor({ timeout: 60_000 });
  if (await signedIn.isVisible()) {
    if ((await signedIn.textContent())?.includes(`Signed in as ${userName}`)) return;
    await frame.getByRole('button', { name: 'Sign out' }).click();
    await connectButton.waitFor({ timeout: 60_000 });
  }
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

/** Emails the app sent, as the emulator's mailbox lists them. */
export async function emulatorMail(emulatorUrl: string): Promise<MailItem[]> {
  return (await (await fetch(`${emulatorUrl}/__emulator/mail`)).json()) as MailItem[];
}

export function portalLinkIn(mail: MailItem): string {
  const link = /https?:\/\/\S+\/portal\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no upload link in "${mail.subject}"`);
  return link;
}

/** The sub follows the link and sends a file through the upload page. */
export async function uploadThroughPortal(context: BrowserContext, link: string, file: string): Promise<void> {
  const portal = await context.newPage();
  await portal.goto(link);
  await portal.getByRole('heading', { name: 'Send the certificate' }).waitFor();
  await portal.locator('input[type="file"]').setInputFiles(file);
  await portal.getByRole('button', { name: 'Send' }).click();
  await portal.getByText(/Received/).first().waitFor({ timeout: 30_000 });
  await portal.close();
}

/** Request COI for the ticked companies and close the result. */
export async function requestTicked(frame: FrameLocator, count: number): Promise<void> {
  await frame.getByRole('button', { name: 'Request COI' }).first().click();
  const dialog = frame.getByRole('dialog');
  await dialog.getByRole('button', { name: new RegExp(`^Send ${count} request`) }).click();
  await dialog.getByText(/sent/i).first().waitFor();
  await dialog.getByRole('button', { name: 'OK' }).click();
}

/** Companies of a project's directory with a usable email, as seeded in the emulator. */
export function projectVendorsWithEmail(emulator: Emulator, projectId: number, count: number, skip = 0): { id: number; name: string; email: string }[] {
  return [...emulator.state.directories.get(projectId)!]
    .map((id) => emulator.state.vendors.get(id)!)
    .filter((v) => v.is_active !== false && /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v.email_address ?? ''))
    .slice(skip, skip + count)
    .map((v) => ({ id: v.id, name: v.name, email: (v.email_address ?? '').toLowerCase() }));
}

/** Waits until the company's row shows this status (the panel polls while requests are open). */
export async function statusOf(frame: FrameLocator, name: string, status: string | RegExp): Promise<void> {
  await frame.getByRole('searchbox', { name: 'Search companies' }).fill(name);
  const row = frame.getByRole('row').filter({ hasText: name });
  const text = typeof status === 'string' ? row.getByText(status, { exact: true }) : row.getByText(status);
  await text.first().waitFor({ timeout: 60_000 });
}

/** Maps one of company A's Procore templates (seed index) to a role, as its compliance manager does under Users and roles. */
export async function mapTemplate(stack: Stack, templateIndex: number, role: string): Promise<void> {
  const manager = await stack.signIn(USER_COMPLIANCE);
  await stack.api(manager, `/api/session?companyId=${COMPANY_A}`);
  const res = await stack.api(manager, `/api/companies/${COMPANY_A}/roles/templates/${templateId(COMPANY_A, templateIndex)}`, {
    method: 'PUT',
    body: JSON.stringify({ role }),
  });
  if (res.status !== 200) throw new Error(`mapping the template failed: ${res.status} ${await res.text()}`);
}
