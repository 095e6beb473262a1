import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../server/config';
import { startApp } from '../../server/index';
import { builtClient } from '../../server/client-assets';
import { startEmulator } from '../procore-emulator/index';
import { startMailSink } from '../procore-emulator/mail-sink';
import { USER_ADMIN, COMPANY_A } from '../procore-emulator/seed-people';
import { launchChromium } from '../../e2e/browser';
import type { Page } from 'playwright-core';
import { freePort } from '../../test/stack';

// npm run bench:directory — figures for the foundation: install size, the panel's initial
// JavaScript (gzip), and the time to show a 5,000-vendor company directory (API cold and warm,
// and in Chromium from opening the app to the first row). Needs DATABASE_URL or runs embedded.

const vendors = Number(process.argv[2] ?? 5000);
const root = path.resolve(import.meta.dirname, '../..');

function duBytes(dir: string): number {
  return Number(execSync(`du -sb ${JSON.stringify(dir)}`).toString().split('\t')[0]);
}

function initialJsGzip(): { file: string; bytes: number } {
  execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
  const html = readFileSync(path.join(root, 'dist/client/index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(root, 'dist/client', src))).length, 0);
  return { file: scripts.join(', '), bytes };
}

/** Opens the app, connects in the popup, and returns ms from the popup closing to the table. */
async function openAndConnect(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const frame = page.frameLocator('iframe[title="COI Compliance"]');
  const [popup] = await Promise.all([page.waitForEvent('popup'), frame.getByRole('button', { name: 'Connect to Procore' }).click()]);
  await popup.locator(`input[name="user_id"][value="${USER_ADMIN}"]`).check();
  const t0 = performance.now();
  await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Allow' }).click()]);
  await frame.getByRole('checkbox', { name: 'Select all' }).waitFor({ timeout: 120_000 });
  return performance.now() - t0;
}

async function main() {
  const install = duBytes(path.join(root, 'node_modules'));
  const js = initialJsGzip();
  const assets = readdirSync(path.join(root, 'dist/client/assets')).reduce((s, f) => s + statSync(path.join(root, 'dist/client/assets', f)).size, 0);

  const sink = await startMailSink({ port: 0 });
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const emulator = await startEmulator({ port: 0, appUrl, clientId: 'bench', clientSecret: 'bench-secret', vendors, rateLimit: { spike: 10_000, hourly: 100_000 } });
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', APP_URL: appUrl, LOG_LEVEL: 'warn',
    DATA_DIR: path.join(root, 'tmp/bench-directory'),
    SECRET_KEY: 'bench-secret-key-bench-secret-key-123456',
    PROCORE_CLIENT_ID: 'bench', PROCORE_CLIENT_SECRET: 'bench-secret', PROCORE_LOGIN_URL: emulator.url, PROCORE_API_URL: emulator.url,
    PROCORE_FRAME_ORIGINS: new URL(emulator.url).origin,
    SMTP_URL: sink.url,
  });
  const app = await startApp(config, { mountClient: builtClient(), embeddedPostgresPort: 54391 });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const coldBrowser = await openAndConnect(page, `${emulator.url}/${COMPANY_A}/company/apps/coi-compliance`);
    // Third-party storage may be blocked in Procore's iframe, so a reopened panel connects again;
    // the directory now comes from the mirror.
    const warmBrowser = await openAndConnect(page, `${emulator.url}/${COMPANY_A}/company/apps/coi-compliance`);

    const t2 = performance.now();
    await page.frameLocator('iframe[title="COI Compliance"]').getByRole('searchbox', { name: 'Search companies' }).fill('electric');
    await page.frameLocator('iframe[title="COI Compliance"]').getByText(/ of [\d,]+ companies/).waitFor();
    const search = performance.now() - t2;

    console.log(`install size (node_modules)         ${(install / 1024 / 1024).toFixed(0)} MB`);
    console.log(`panel initial JS (gzip)             ${(js.bytes / 1024).toFixed(1)} kB  [${js.file}]; all built assets ${(assets / 1024).toFixed(0)} kB raw`);
    console.log(`${vendors}-vendor directory, first visit   ${coldBrowser.toFixed(0)} ms (sign-in closed → table shown; includes reading every page from Procore)`);
    console.log(`${vendors}-vendor directory, reopened      ${warmBrowser.toFixed(0)} ms (reopened and connected again → table shown, from the mirror)`);
    console.log(`search over ${vendors} vendors          ${search.toFixed(0)} ms`);
  } catch (err) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0]) await pages[0].screenshot({ path: path.join(root, 'tmp/bench-directory-failure.png') });
    throw err;
  } finally {
    await browser.close();
    await app.stop();
    await emulator.close();
    await sink.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
