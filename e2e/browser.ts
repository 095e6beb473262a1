import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium (apt-get install -y chromium), never a downloaded browser.
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export async function launchChromium(): Promise<Browser> {
  const executablePath = candidates.find((p) => existsSync(p));
  if (!executablePath) {
    throw new Error('Chromium is not installed: run `apt-get install -y chromium` (or set CHROMIUM_PATH) for the browser tests.');
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Procore's iframe is cross-site: behave like browsers that block third-party cookies.
      '--test-third-party-cookie-phaseout',
    ],
  });
}
