import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { createTestRequest } from '../../test/factories';
import { viteClient } from '../client-assets';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ mountClient: await viteClient({ hmr: false }) });
});
afterAll(async () => stack?.close());

describe('upload page', () => {
  it('serves its own small entry for /portal/<token>, without the token in the HTML', async () => {
    const r = await createTestRequest(stack.app.services);
    const res = await fetch(`${stack.app.url}/portal/${r.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('/portal/main.tsx');
    expect(html).not.toContain(r.token);
    expect(html).not.toContain('core-react');
    const script = await fetch(`${stack.app.url}/portal/main.tsx`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('PortalPage');
  });
});
