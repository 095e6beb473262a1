import type { Browser, BrowserContext } from 'playwright-core';
import { startStack, type Stack } from '../test/stack';
import { viteClient } from '../server/client-assets';
import { launchChromium } from './browser';

// The whole product served as a newcomer runs it (Vite middleware), plus Chromium.
export interface BrowserStack {
  stack: Stack;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startBrowserStack(): Promise<BrowserStack> {
  const stack = await startStack({ mountClient: await viteClient({ hmr: false }) });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext();
    return {
      stack,
      browser,
      context,
      async close() {
        await context.close();
        await browser?.close();
        await stack.close();
      },
    };
  } catch (error) {
    // Nothing is returned for afterAll to close: what did start is closed here.
    await browser?.close();
    await stack.close();
    throw error;
  }
}
