import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIDE_PANEL_HOST_SCRIPT } from './host-sidepanel';
import type { Emulator } from './index';
import { COMPANY_A } from './seed-people';
import { APP_URL, start } from './test-helpers';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());

async function page(path: string): Promise<string> {
  const response = await fetch(`${emulator.url}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

function panelConfig(html: string): { src: string; appOrigin: string; context: Record<string, unknown> } {
  const match = /<script type="application\/json" id="coi-panel-config">(.*?)<\/script>/s.exec(html);
  return JSON.parse(match?.[1] ?? '{}') as { src: string; appOrigin: string; context: Record<string, unknown> };
}

describe('host pages', () => {
  it('frames the full-screen app with the manifest URL at company and project level', async () => {
    const company = await page(`/${COMPANY_A}/company/apps/coi-compliance`);
    expect(company).toContain(`src="${APP_URL}/app?company_id=${COMPANY_A}&amp;project_id="`);
    expect(company).toContain('title="COI Compliance"');
    expect(company).not.toContain('sandbox=');
    const project = await page(`/${COMPANY_A}/project/2783001/apps/coi-compliance`);
    expect(project).toContain(`src="${APP_URL}/app?company_id=${COMPANY_A}&amp;project_id=2783001"`);
  });

  it('links companies, homes and tools', async () => {
    expect(await page('/')).toContain(`/${COMPANY_A}/company/home`);
    const home = await page(`/${COMPANY_A}/company/home`);
    expect(home).toContain('COI Compliance');
    expect(home).toContain(`/${COMPANY_A}/project/2783001/home`);
    expect(home).toContain('/__emulator/mailbox');
    expect(await page(`/${COMPANY_A}/project/2783001/home`)).toContain('/directory');
    expect((await fetch(`${emulator.url}/${COMPANY_A}/project/2783004/home`)).status).toBe(404);
  });

  it('shows the project directory with an Apps button and the list view side panel', async () => {
    const html = await page(`/${COMPANY_A}/project/2783001/directory`);
    expect(html).toContain('id="coi-apps-button"');
    const [vendorId] = [...(emulator.state.directories.get(2783001) ?? [])];
    expect(html).toContain(`data-vendor-id="${vendorId}"`);
    expect(panelConfig(html)).toMatchObject({
      src: `${APP_URL}/app/panel?company_id=${COMPANY_A}&project_id=2783001`,
      appOrigin: APP_URL,
      context: { company_id: String(COMPANY_A), project_id: '2783001', id: null, view: 'project_directory.vendors.list' },
    });
  });

  it('gives commitment pages the detail view with the commitment id', async () => {
    const po = [...emulator.state.commitments.values()].find((c) => c.project_id === 2783001 && c.kind === 'purchase_order');
    const html = await page(`/${COMPANY_A}/project/2783001/commitments/${po?.id}`);
    expect(panelConfig(html).context).toEqual({ company_id: String(COMPANY_A), project_id: '2783001', id: String(po?.id), view: 'commitments.purchase_order_contracts.detail' });
  });
});

type Listener = (event: { source: unknown; origin: string; data: unknown }) => void;

function fakeHost() {
  const listeners = new Set<Listener>();
  const posted: { message: unknown; origin: string }[] = [];
  const contentWindow = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
  const win = { addEventListener: (_: string, l: Listener) => listeners.add(l), removeEventListener: (_: string, l: Listener) => listeners.delete(l) };
  const dispatch = (event: { source: unknown; origin: string; data: unknown }) => listeners.forEach((l) => l(event));
  const factory = new Function(`${SIDE_PANEL_HOST_SCRIPT}; return coiSidePanelHost;`)() as (opts: unknown) => { hidden(): void; visible(): void; destroy(): void };
  const context = { company_id: '4271001', project_id: '2783001', id: null, view: 'project_directory.vendors.list' };
  const host = factory({ win, frame: { contentWindow }, appOrigin: APP_URL, context });
  return { host, posted, dispatch, contentWindow, context, listeners };
}

describe('side panel handshake script', () => {
  it('answers initialize from the app frame with setup, addressed to the app origin', () => {
    const { posted, dispatch, contentWindow, context } = fakeHost();
    dispatch({ source: contentWindow, origin: APP_URL, data: { type: 'initialize' } });
    expect(posted).toEqual([{ message: { type: 'setup', context }, origin: APP_URL }]);
  });

  it('ignores other origins, other windows and other messages', () => {
    const { posted, dispatch, contentWindow } = fakeHost();
    dispatch({ source: contentWindow, origin: 'http://evil.example', data: { type: 'initialize' } });
    dispatch({ source: {}, origin: APP_URL, data: { type: 'initialize' } });
    dispatch({ source: contentWindow, origin: APP_URL, data: 'initialize' });
    expect(posted).toEqual([]);
  });

  it('posts hidden, visible and destroy, then stops listening', () => {
    const { host, posted, listeners } = fakeHost();
    host.hidden();
    host.visible();
    host.destroy();
    expect(posted.map((p) => p.message)).toEqual([{ type: 'sidepanel:app:hidden' }, { type: 'sidepanel:app:visible' }, { type: 'sidepanel:app:destroy' }]);
    expect(listeners.size).toBe(0);
  });
});
