import { execSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { builtClient } from '../../server/client-assets';
import { startStack } from '../../test/stack';
import { launchChromium } from '../../e2e/browser';
import { appFrame, connect, emulatorMail, portalLinkIn, projectVendorsWithEmail, requestTicked, tick, uploadThroughPortal } from '../../e2e/panel';
import { benchDatabase } from './database';

// npm run bench:review — how long a certificate's review takes to paint: from the click on
// "Review certificate" to the page drawn by pdf.js with its highlight boxes over it (Chromium,
// built client). Full screen, five times after a reload each (nothing cached in the app), and
// from the side panel, where the click also sends Procore to the full-screen page.

const root = path.resolve(import.meta.dirname, '../..');
const company = 4271001;
const projectId = 2783001;
const certificate = path.join(root, 'test/fixtures/certificates/text-1.pdf');

/** In the app's frame: true once the canvas holds ink and more than ten highlight boxes sit over it. */
async function painted(frame: Frame): Promise<void> {
  await frame.waitForFunction(
    () => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas[aria-label^="Page"]');
      if (!canvas || canvas.width === 0 || document.querySelectorAll('[data-pointer]').length <= 10) return false;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < pixels.length; i += 4 * 97) if (pixels[i]! < 128) return true;
      return false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
}

async function appFrameOf(page: Page): Promise<Frame> {
  const frame = await (await appFrame(page).owner().elementHandle())?.contentFrame();
  if (!frame) throw new Error('no app frame');
  return frame;
}

async function openRequest(frame: FrameLocator, vendor: string): Promise<void> {
  await frame.getByRole('searchbox', { name: 'Search companies' }).fill(vendor, { timeout: 60_000 });
  await frame.getByRole('button', { name: `Awaiting New COI: view the request for ${vendor}` }).click({ timeout: 60_000 });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
  const stack = await startStack({ database: await benchDatabase(), mountClient: builtClient() });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fullUrl = `${stack.emulator.url}/${company}/project/${projectId}/apps/coi-compliance`;
    await page.goto(fullUrl);
    const frame = appFrame(page);
    await connect(page, frame, 'Carla Nguyen');
    const vendor = projectVendorsWithEmail(stack.emulator, projectId, 1)[0]!;
    await tick(frame, vendor.name);
    await requestTicked(frame, 1);
    let mail;
    while (!(mail = (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(vendor.email)))) await new Promise((r) => setTimeout(r, 200));
    await uploadThroughPortal(context, portalLinkIn(mail), certificate);

    // Clicked as soon as the button shows, and after reading the request for a second and a half
    // (the screen's code, the review and the file are fetched while the request is open).
    const fullScreen = async (readMs: number) => {
      const times: number[] = [];
      for (let run = 0; run < 6; run++) {
        await page.goto(fullUrl);
        await openRequest(appFrame(page), vendor.name);
        const button = appFrame(page).getByRole('button', { name: 'Review certificate', exact: true });
        await button.waitFor({ timeout: 60_000 });
        await page.waitForTimeout(readMs);
        const t0 = performance.now();
        await button.click();
        await painted(await appFrameOf(page));
        if (run > 0) times.push(performance.now() - t0); // the first run warms the browser's cache
      }
      return times;
    };
    const atOnce = await fullScreen(0);
    const afterReading = await fullScreen(1500);

    const fromPanel: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(`${stack.emulator.url}/${company}/project/${projectId}/directory?panel=open`);
      await openRequest(appFrame(page), vendor.name);
      const button = appFrame(page).getByRole('button', { name: 'Review certificate (opens full screen)' });
      await button.waitFor({ timeout: 60_000 });
      const t0 = performance.now();
      await button.click();
      await page.waitForURL(fullUrl);
      await painted(await appFrameOf(page));
      fromPanel.push(performance.now() - t0);
    }
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`review painted, full screen, clicked at once        median ${median(atOnce).toFixed(0)} ms  (runs: ${list(atOnce)} ms; click → page and highlights painted)`);
    console.log(`review painted, full screen, after 1.5 s on request  median ${median(afterReading).toFixed(0)} ms  (runs: ${list(afterReading)} ms)`);
    console.log(`review painted, from the side panel                median ${median(fromPanel).toFixed(0)} ms  (runs: ${list(fromPanel)} ms; includes loading Procore's full-screen page and the app)`);
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
