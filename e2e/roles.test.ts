import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './stack';
import { appFrame, connect } from './panel';
import { checkAccessibility } from './axe';

// Who may do what, in the browser: a read-only user sees statuses without the buttons they
// could not use, and nothing of a project they are not on; a compliance manager maps Procore's
// Read Only template to Inviter under Users and roles, and the user's next page shows Request COI.

let env: BrowserStack;
let other: BrowserContext;
beforeAll(async () => {
  env = await startBrowserStack();
  other = await env.browser.newContext();
});
afterAll(async () => {
  await other?.close();
  await env?.close();
});

const company = 4271001;

describe('roles in the panel', () => {
  it('hides what a read-only user cannot do, and a manager changes it under Users and roles', async () => {
    const rita = await env.context.newPage();
    await rita.goto(`${env.stack.emulator.url}/${company}/project/2783001/directory?panel=open`);
    const panel = appFrame(rita);
    await connect(rita, panel, 'Rita Okafor');
    await panel.getByText(/Signed in as Rita Okafor · Read-only/).waitFor({ timeout: 60_000 });
    await panel.getByRole('searchbox', { name: 'Search companies' }).waitFor({ timeout: 60_000 });
    expect(await panel.getByRole('button', { name: 'Request COI' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Requirements' }).count()).toBe(0);

    await rita.goto(`${env.stack.emulator.url}/${company}/project/2783002/directory?panel=open`);
    await appFrame(rita).getByText(/You are not on this project in Procore/).waitFor({ timeout: 60_000 });
    await checkAccessibility(appFrame(rita), 'not on this project');

    const carla = await other.newPage();
    await carla.goto(`${env.stack.emulator.url}/${company}/company/apps/coi-compliance`);
    const full = appFrame(carla);
    await connect(carla, full, 'Carla Nguyen');
    await full.getByRole('button', { name: 'Users and roles' }).click();
    const dialog = full.getByRole('dialog', { name: 'Users and roles' });
    const people = dialog.getByRole('table', { name: 'People who opened COI Compliance' });
    await people.getByRole('row').filter({ hasText: 'Rita Okafor' }).getByText('Read-only').waitFor({ timeout: 60_000 });
    await dialog.getByRole('combobox', { name: 'Role for Read Only' }).selectOption('inviter');
    await people.getByRole('row').filter({ hasText: 'Rita Okafor' }).getByText('Inviter').waitFor({ timeout: 30_000 });
    expect(await env.stack.database.db('audit_events').where({ kind: 'role_mapping_changed' })).toHaveLength(1);

    await rita.goto(`${env.stack.emulator.url}/${company}/project/2783001/directory?panel=open`);
    const after = appFrame(rita);
    await after.getByText(/Signed in as Rita Okafor · Inviter/).waitFor({ timeout: 60_000 });
    await after.getByRole('button', { name: 'Request COI' }).waitFor({ timeout: 60_000 });
  });
});
