import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './stack';
import { appFrame, connect } from './panel';
import { checkAccessibility } from './axe';

// Third-party cookies are blocked (launchChromium), and with them the frame's localStorage and
// sessionStorage. Signed in once, the user stays signed in across Procore pages, reloads and
// side panel ⇄ full screen; signing out from the panel's menu ends it everywhere.

let env: BrowserStack;
beforeAll(async () => {
  env = await startBrowserStack();
});
afterAll(async () => env?.close());

const company = 4271001;

async function signedInHere(frame: FrameLocator, name: string): Promise<void> {
  await frame.getByText(`Signed in as ${name}`, { exact: false }).waitFor({ timeout: 60_000 });
  expect(await frame.getByRole('button', { name: 'Connect to Procore' }).count()).toBe(0);
}

async function open(page: Page, path: string): Promise<FrameLocator> {
  await page.goto(`${env.stack.emulator.url}${path}`);
  return appFrame(page);
}

describe('staying signed in inside Procore', () => {
  it('signs in once and stays signed in across three Procore pages, a reload and full screen', async () => {
    const page = await env.context.newPage();
    const first = await open(page, `/${company}/project/2783001/directory?panel=open`);
    await first.getByRole('button', { name: 'Connect to Procore' }).waitFor({ timeout: 60_000 });
    await checkAccessibility(first, 'connect to Procore');
    await connect(page, first, 'Carla Nguyen');
    await signedInHere(first, 'Carla Nguyen');
    // The frame's own storage is refused here: what keeps the session is the partitioned cookie.
    const storage = await page.frames().find((f) => f.url().includes('/app'))!.evaluate(() => {
      try {
        return typeof window.sessionStorage.length;
      } catch {
        return 'blocked';
      }
    });
    expect(storage).toBe('blocked');

    const commitment = [...env.stack.emulator.state.commitments.values()].find((c) => c.project_id === 2783001)!;
    await signedInHere(await open(page, `/${company}/project/2783001/commitments/${commitment.id}?panel=open`), 'Carla Nguyen');
    await signedInHere(await open(page, `/${company}/project/2783002/directory?panel=open`), 'Carla Nguyen');
    await page.reload();
    await signedInHere(appFrame(page), 'Carla Nguyen');
    const full = await open(page, `/${company}/company/apps/coi-compliance`);
    await signedInHere(full, 'Carla Nguyen');
    await full.getByText('Summit Ridge Builders: company directory').waitFor({ timeout: 60_000 });

    // Another tab of the same browser is signed in too.
    const other = await env.context.newPage();
    await signedInHere(await open(other, `/${company}/project/2783003/apps/coi-compliance`), 'Carla Nguyen');

    // Signing out ends the session everywhere: here, on the next page, and in the other tab.
    await full.getByRole('button', { name: 'Sign out' }).click();
    await full.getByRole('button', { name: 'Connect to Procore' }).waitFor({ timeout: 30_000 });
    const after = await open(page, `/${company}/project/2783001/directory?panel=open`);
    await after.getByRole('button', { name: 'Connect to Procore' }).waitFor({ timeout: 60_000 });
    await other.reload();
    await appFrame(other).getByRole('button', { name: 'Connect to Procore' }).waitFor({ timeout: 60_000 });
    expect(await env.stack.database.db('app_sessions')).toHaveLength(0);
  });
});
