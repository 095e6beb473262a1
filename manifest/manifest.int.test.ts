import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test/stack';
import { viteClient } from '../server/client-assets';
import { interpolateUrl, manifestUrls, renderManifest } from './index';

// Every URL the manifest names must exist in the app and be frameable by Procore.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ mountClient: await viteClient({ hmr: false }) });
});
afterAll(async () => stack?.close());

describe('manifest URLs', () => {
  it('are served by the app as its panel, frameable by Procore only', async () => {
    const urls = manifestUrls(renderManifest(stack.app.url)).map((u) =>
      interpolateUrl(u, { companyId: 4271001, projectId: 2783001, companyName: 'Summit Ridge Builders' }),
    );
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<div id="root">');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`frame-ancestors 'self' ${new URL(stack.emulator.url).origin}`);
      expect(csp).not.toContain('*');
    }
  });
});
