import { execSync } from 'node:child_process';
import path from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { builtClient } from '../../server/client-assets';
import { startStack } from '../../test/stack';
import { launchChromium } from '../../e2e/browser';
import { appFrame, connect, emulatorMail, portalLinkIn, projectVendorsWithEmail, requestTicked, tick, uploadThroughPortal } from '../../e2e/panel';
import { benchDatabase } from './database';
import { firstPaint, resetPaint, watchPaint, type Run } from './review-steps';

// npm run bench:review [-- --runs N] — how long a certificate's review takes to paint in Chromium
// (built client): from the click to the highlight boxes over the values, and to the page's pixels.
// Four ways in: the review queue's Next (Alt+→, each time to a certificate not yet shown), opening from the side panel (Procore is sent to
// the full-screen page, which loads the app), full screen after reading the request a moment, and
// a cold open (the browser's cache emptied first). Each run prints where the time went.

const root = path.resolve(import.meta.dirname, '../..');
const company = 4271001;
const projectId = 2783001;
const fixtures = path.join(root, 'test/fixtures/certificates');
const certificate = path.join(fixtures, 'text-1.pdf');
// Certificates for the review queue. The fixtures' policies have run out, so they are read as
// deficient (Awaiting New COI); the bench then puts them under review in the database, as a
// doubted reading would, so the queue holds certificates with values to highlight.
const queueFixtures = ['text-2', 'text-3', 'text-4', 'text-5', 'text-6', 'text-2014-1', 'text-2014-2', 'flattened-1', 'flattened-2', 'flattened-3', 'vector-text-1', 'vector-text-2'];
const runsArg = process.argv.indexOf('--runs');
const runs = Math.min(queueFixtures.length - 1, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5);
// The queue holds one certificate more than the runs: each Next shows one not shown before.
const queuedFiles = queueFixtures.slice(0, runs + 1).map((f) => path.join(fixtures, `${f}.pdf`));

async function appFrameOf(page: Page): Promise<Frame> {
  const frame = await (await appFrame(page).owner().elementHandle({ timeout: 60_000 }))?.contentFrame();
  if (!frame) throw new Error('no app frame');
  return frame;
}

async function openRequest(frame: FrameLocator, vendor: string, status: string): Promise<void> {
  await frame.getByRole('searchbox', { name: 'Search companies' }).fill(vendor, { timeout: 60_000 });
  await frame.getByRole('button', { name: `${status}: view the request for ${vendor}` }).click({ timeout: 60_000 });
}

async function requestAll(page: Page, context: BrowserContext, stack: Awaited<ReturnType<typeof startStack>>, files: string[]) {
  const frame = appFrame(page);
  const vendors = projectVendorsWithEmail(stack.emulator, projectId, files.length);
  for (const v of vendors) await tick(frame, v.name);
  await requestTicked(frame, vendors.length);
  for (const [i, v] of vendors.entries()) {
    let mail;
    while (!(mail = (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(v.email)))) await new Promise((r) => setTimeout(r, 200));
    await uploadThroughPortal(context, portalLinkIn(mail), files[i]!);
  }
  return vendors;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function report(title: string, results: Run[]): void {
  console.log(`\n${title}`);
  const names = [...new Set(results.flatMap((r) => r.steps.map((s) => s.name)))];
  for (const [i, r] of results.entries()) {
    console.log(`  run ${i + 1}: highlights ${r.highlights.toFixed(0)} ms, page ${r.page.toFixed(0)} ms | ${r.steps.map((s) => `${s.name} ${s.at.toFixed(0)}`).join(', ')}`);
  }
  const at = (n: string) => results.map((r) => r.steps.find((s) => s.name === n)?.at).filter((x): x is number => x !== undefined);
  console.log(`  median steps (ms after the click): ${names.map((n) => `${n} ${median(at(n)).toFixed(0)}`).join(', ')}`);
  console.log(`  MEDIAN click → highlights painted ${median(results.map((r) => r.highlights)).toFixed(0)} ms; → page painted ${median(results.map((r) => r.page)).toFixed(0)} ms (${results.length} runs)`);
}

async function main() {
  execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
  const stack = await startStack({ database: await benchDatabase(), mountClient: builtClient() });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await watchPaint(context);
    const page = await context.newPage();
    const fullUrl = `${stack.emulator.url}/${company}/project/${projectId}/apps/coi-compliance`;
    const panelUrl = `${stack.emulator.url}/${company}/project/${projectId}/directory?panel=open`;
    await page.goto(fullUrl);
    await connect(page, appFrame(page), 'Carla Nguyen');
    const [vendor, ...queued] = await requestAll(page, context, stack, [certificate, ...queuedFiles]);
    const db = stack.database.db;
    while ((await db('documents').where({ read_status: 'queued' }).count<{ count: string }[]>('* as count'))[0]!.count !== '0') await new Promise((r) => setTimeout(r, 500));
    await db('coi_requests').whereIn('vendor_id', queued.map((q) => q.id)).update({ status: 'under_review' });

    // The review queue: opened from the overview's card at its oldest certificate, then Next (Alt+→).
    await page.goto(fullUrl);
    const frame = appFrame(page);
    await frame.getByRole('tab', { name: 'Overview' }).click({ timeout: 60_000 });
    const first = frame.getByRole('button', { name: `Review ${queued[0]!.name}` });
    await first.waitFor({ timeout: 60_000 });
    await first.click();
    const position = frame.getByText(/ of \d+ in the review queue/);
    await position.waitFor({ timeout: 60_000 });
    await firstPaint(await appFrameOf(page), Date.now());
    const walk: Run[] = [];
    for (let run = 0; run < runs; run++) {
      const at = parseInt((await position.textContent()) ?? '', 10);
      if (at > runs) throw new Error(`the queue opened at ${at}: no certificate after it`);
      const expected = `${at + 1} of ${runs + 1} in the review queue`;
      await position.click(); // the review screen holds the keyboard once the frame has focus
      const appF = await appFrameOf(page);
      await resetPaint(appF);
      const t0 = Date.now();
      await page.keyboard.press('Alt+ArrowRight');
      await frame.getByText(expected).waitFor({ timeout: 60_000 });
      walk.push(await firstPaint(appF, t0));
    }
    report('review queue, Next (Alt+→) to a certificate not shown before, full screen', walk);

    const fullScreen = async (readMs: number, cold: boolean): Promise<Run[]> => {
      const results: Run[] = [];
      for (let run = 0; run <= runs; run++) {
        if (cold) await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
        await page.goto(fullUrl);
        await openRequest(appFrame(page), vendor!.name, 'Awaiting New COI');
        const button = appFrame(page).getByRole('button', { name: 'Review certificate', exact: true });
        await button.waitFor({ timeout: 60_000 });
        await page.waitForTimeout(readMs);
        const appF = await appFrameOf(page);
        await resetPaint(appF);
        const t0 = Date.now();
        await button.click();
        const r = await firstPaint(appF, t0);
        if (cold || run > 0) results.push(r);
      }
      return results;
    };

    const fromPanel: Run[] = [];
    for (let run = 0; run <= runs; run++) {
      await page.goto(panelUrl);
      await openRequest(appFrame(page), vendor!.name, 'Awaiting New COI');
      const button = appFrame(page).getByRole('button', { name: 'Review certificate (opens full screen)' });
      await button.waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      const t0 = Date.now();
      await button.click();
      await page.waitForURL(fullUrl);
      const r = await firstPaint(await appFrameOf(page), t0, page);
      if (run > 0) fromPanel.push(r);
    }
    report('from the side panel to full screen (Procore loads its full-screen page, then the app)', fromPanel);
    report('full screen, after 1.5 s on the request', await fullScreen(1500, false));
    report('full screen, cold (browser cache emptied, clicked as soon as the button shows)', await fullScreen(0, true));
    console.log(`\nload average at the end: ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
