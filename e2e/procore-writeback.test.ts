import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { Stack } from '../test/stack';
import { startBrowserStack, type BrowserStack } from './stack';
import { waitFor } from '../test/wait';
import { generate } from '../scripts/corpus/variants';
import { COMPANY_A, USER_ADMIN, USER_COMPLIANCE } from '../scripts/procore-emulator/seed-people';
import type { Insurance } from '../scripts/procore-emulator/types';
import { connect, emulatorMail, openProjectPanel, portalLinkIn, projectVendorsWithEmail, requestTicked, statusOf, tick, uploadThroughPortal } from './panel';

// The whole story as Procore shows it (the emulator's REST state, not the app's database):
// requested → an in-progress record; a good certificate → the verdict, policy numbers and dates;
// archived → the note says so; a record changed by hand → put right by `npm run sync`.

const projectId = 2783002;
let env: BrowserStack;
let stack: Stack;
let context: BrowserContext;
const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await startBrowserStack();
  ({ stack, context } = env);
  const manager = await stack.signIn(USER_COMPLIANCE);
  const set = await stack.api(manager, `/api/companies/${COMPANY_A}/projects/${projectId}/requirements`, {
    method: 'PUT',
    body: JSON.stringify({
      name: 'Oak Street Lofts',
      lines: { general_liability: { required: true, minimums: { eachOccurrence: 500_000 } } },
      minimumDaysRemaining: 30,
      descriptionMustNameProject: false,
      flagSurplusLines: false,
    }),
  });
  expect(set.status).toBe(200);
  const admin = await stack.signIn(USER_ADMIN);
  expect((await stack.api(admin, `/api/companies/${COMPANY_A}/settings/procore-grant`, { method: 'PUT', body: JSON.stringify({ kind: 'dmsa' }) })).status).toBe(200);
});
afterAll(async () => env?.close());

const procoreRecords = (vendorId: number): Insurance[] => [...stack.emulator.state.insurances.values()].filter((i) => i.project_id === projectId && i.vendor_id === vendorId);

async function currentCertificate(insuredName: string): Promise<string> {
  const made = await generate('text', 4243, {
    adjust: (t) => {
      t.insured.name = insuredName;
      for (const p of t.policies) {
        p.effectiveDate = isoDaysFromNow(-30);
        p.expirationDate = isoDaysFromNow(335);
      }
    },
  });
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'coi-e2e-')), 'certificate.pdf');
  await writeFile(file, made.bytes);
  return file;
}

/** `npm run sync -- --company <id>` as an operator runs it, against this stack. */
async function runSync(): Promise<string> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    APP_URL: stack.app.url,
    DATABASE_URL: stack.database.url,
    SECRET_KEY: 'test-secret-key-that-is-long-enough-123',
    PROCORE_CLIENT_ID: 'test-client',
    PROCORE_CLIENT_SECRET: 'test-secret',
    PROCORE_LOGIN_URL: stack.emulator.url,
    PROCORE_API_URL: stack.emulator.url,
    PROCORE_FRAME_ORIGINS: new URL(stack.emulator.url).origin,
    SMTP_URL: stack.mail.url,
    LOG_LEVEL: 'warn',
  };
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'sync', '--', '--company', String(COMPANY_A)], { env, cwd: path.resolve(import.meta.dirname, '..') });
  return stdout;
}

describe('Procore shows the truth', () => {
  it('from request to verdict to archive, and a hand change put right by npm run sync', async () => {
    const page = await context.newPage();
    const frame = await openProjectPanel(page, stack.emulator.url, 'Summit Ridge Builders', 'Oak Street Lofts');
    await connect(page, frame, 'Carla Nguyen');
    const vendor = projectVendorsWithEmail(stack.emulator, projectId, 1, 2)[0]!;
    await tick(frame, vendor.name);
    await requestTicked(frame, 1);

    const [pending] = await waitFor(() => (procoreRecords(vendor.id).length ? procoreRecords(vendor.id) : null), 30_000, 'the in-progress record in Procore');
    expect(pending).toMatchObject({ insurance_type: 'Certificate of insurance', status: 'non_compliant_in_progress' });

    const request = await waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(vendor.email)), 60_000, 'the request email');
    await uploadThroughPortal(context, portalLinkIn(request), await currentCertificate(vendor.name));
    await statusOf(frame, vendor.name, 'Compliant');
    const gl = await waitFor(() => procoreRecords(vendor.id).find((r) => r.insurance_type === 'General Liability' && r.status === 'compliant'), 30_000, 'the compliant GL record');
    expect(gl.policy_number).toBeTruthy();
    expect(gl.effective_date).toBe(isoDaysFromNow(-30));
    expect(gl.expiration_date).toBe(isoDaysFromNow(335));
    expect(gl.notes).toMatch(/^COI Compliance: Compliant/);
    expect(procoreRecords(vendor.id).some((r) => r.insurance_type === 'Certificate of insurance')).toBe(false);

    await frame.getByRole('button', { name: `Compliant: view the request for ${vendor.name}` }).click();
    const drawer = frame.getByRole('dialog', { name: 'COI request' });
    await drawer.getByRole('button', { name: 'Archive' }).click();
    await drawer.getByRole('button', { name: 'Archive request' }).click();
    await waitFor(() => procoreRecords(vendor.id).every((r) => r.notes === 'COI Compliance: Archived, Archived'), 30_000, 'the Archived note in Procore');
    expect(procoreRecords(vendor.id).every((r) => r.status === 'compliant')).toBe(true);

    const edited = procoreRecords(vendor.id)[0]!;
    Object.assign(edited, { notes: 'changed by hand in Procore' });
    const printed = await runSync();
    expect(printed).toMatch(/read \d+, changed \d+, written [1-9]\d*, skipped \d+, failed 0/);
    expect(stack.emulator.state.insurances.get(edited.id)?.notes).toBe('COI Compliance: Archived, Archived');
  });
});
