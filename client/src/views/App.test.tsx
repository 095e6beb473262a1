import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Directory } from '../../../server/contracts/directory';
import { createQueryClient } from '../api/queryClient';
import { reloadSessionToken } from '../api/token';
import type { HostContext } from '../host/context';
import { App } from './App';

const token = 'k'.repeat(48);
const projectHost: HostContext = { companyId: '42', projectId: '7', surface: 'sidepanel', view: null };
const directory: Directory = {
  company: { id: '42', name: 'Summit Builders' },
  project: { id: '7', name: 'Harbor Tower' },
  vendors: [
    { vendorId: '1', name: 'Acme Electric', trade: 'Electrical', contactName: null, email: 'pm@acme.example', emailValid: true, status: 'not_requested', requestId: null, requestScope: null },
  ],
  syncedAt: '2025-01-01T00:00:00Z',
};

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
const fetchMock = vi.fn<typeof fetch>();

/** Answers by path; each path's replies are used in order, the last one repeating. */
function serve(routes: Record<string, Reply[]>): void {
  fetchMock.mockImplementation(async (input) => {
    const replies = routes[String(input)];
    const reply = replies && (replies.length > 1 ? replies.shift() : replies[0]);
    if (!reply) throw new Error(`unexpected request ${String(input)}`);
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: reply.headers });
  });
}

const signedOut: Reply = { status: 401, body: { error: { code: 'not_signed_in', message: 'Sign in with Procore.' } } };
const fullScreenPaths = { company: '/{company}/company/apps/coi-compliance', project: '/{company}/project/{project}/apps/coi-compliance' };
const session: Reply = { status: 200, body: { data: { user: { id: '5', name: 'Pat Manager', login: 'pat@summit.example' }, access: null, fullScreenPaths } } };
const projectPath = '/api/companies/42/projects/7/vendors';
/** The panel asks the session what the user may do in the company and project it shows. */
const sessionAt = '/api/session?companyId=42&projectId=7';

function renderApp(host: HostContext = projectHost) {
  return render(<App host={host} queryClient={createQueryClient()} />);
}

beforeEach(() => {
  sessionStorage.clear();
  reloadSessionToken();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('App', () => {
  it('asks to connect to Procore when the server answers 401', async () => {
    serve({ [sessionAt]: [signedOut] });
    renderApp();
    expect(await screen.findByRole('button', { name: 'Connect to Procore' })).toBeTruthy();
    expect(screen.getByText(/reads your Procore directory with your own Procore permissions/)).toBeTruthy();
  });

  it('signs in through the popup, keeps the token in sessionStorage and loads the project directory', async () => {
    serve({ [sessionAt]: [signedOut, session], [projectPath]: [{ status: 200, body: { data: directory } }] });
    const popup = { closed: false, close: vi.fn() } as unknown as Window;
    vi.spyOn(window, 'open').mockReturnValue(popup);
    const user = userEvent.setup();
    renderApp();

    await user.click(await screen.findByRole('button', { name: 'Connect to Procore' }));
    const event = new MessageEvent('message', { origin: window.location.origin, data: { type: 'authentication.success', payload: { token } } });
    Object.defineProperty(event, 'source', { value: popup });
    window.dispatchEvent(event);

    expect(await screen.findByRole('checkbox', { name: 'Acme Electric' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Harbor Tower: project directory')).toBeTruthy();
    expect(screen.getByText(/Signed in as Pat Manager/)).toBeTruthy();
    expect(sessionStorage.getItem('coi.session')).toBe(token);
    const directoryCall = fetchMock.mock.calls.find(([path]) => path === projectPath);
    expect(new Headers(directoryCall?.[1]?.headers).get('Authorization')).toBe(`Bearer ${token}`);
  });

  it('shows the company directory at company level', async () => {
    sessionStorage.setItem('coi.session', token);
    serve({
      '/api/session?companyId=42': [session],
      '/api/companies/42/vendors': [{ status: 200, body: { data: { ...directory, project: null } } }],
    });
    renderApp({ ...projectHost, projectId: null, surface: 'fullscreen' });
    expect(await screen.findByText('Summit Builders: company directory')).toBeTruthy();
  });

  it('explains when the app is not installed for the company', async () => {
    sessionStorage.setItem('coi.session', token);
    serve({ [sessionAt]: [session], [projectPath]: [{ status: 403, body: { error: { code: 'app_not_installed', message: 'x' } } }] });
    renderApp();
    expect(await screen.findByText(/COI Compliance is not installed for this company in Procore/)).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([path]) => path === projectPath)).toHaveLength(1);
  });

  it('counts down while Procore is busy, then retries by itself', async () => {
    sessionStorage.setItem('coi.session', token);
    const busy: Reply = { status: 503, body: { error: { code: 'procore_busy', message: 'busy' } }, headers: { 'Retry-After': '1' } };
    serve({ [sessionAt]: [session], [projectPath]: [busy, { status: 200, body: { data: directory } }] });
    renderApp();
    expect(await screen.findByText('Procore is busy; retrying in 1 second.')).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: 'Acme Electric' }, { timeout: 3000 })).toBeTruthy();
  });

  it('goes back to Connect, saying why, when Procore no longer accepts the grant', async () => {
    sessionStorage.setItem('coi.session', token);
    const revoked: Reply = { status: 401, body: { error: { code: 'procore_grant_invalid', message: 'x' } } };
    serve({ [sessionAt]: [session, signedOut], [projectPath]: [revoked] });
    renderApp();
    expect(await screen.findByRole('button', { name: 'Connect to Procore' })).toBeTruthy();
    expect(screen.getByText(/Procore no longer accepts this app’s access/)).toBeTruthy();
    expect(sessionStorage.getItem('coi.session')).toBeNull();
  });

  it('goes back to Connect on sign-out', async () => {
    sessionStorage.setItem('coi.session', token);
    serve({
      [sessionAt]: [session, signedOut],
      [projectPath]: [{ status: 200, body: { data: directory } }],
      '/api/session/sign-out': [{ status: 200, body: { data: { signedOut: true } } }],
    });
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Connect to Procore' })).toBeTruthy();
    expect(sessionStorage.getItem('coi.session')).toBeNull();
  });

  it('shows a no-access panel naming who to ask', async () => {
    sessionStorage.setItem('coi.session', token);
    const askWho = 'Ask Carla Nguyen (compliance manager) to change your role under Users and roles.';
    const noAccess: Reply = { status: 200, body: { data: { user: { id: '5', name: 'Pat', login: 'pat@x.example' }, access: { role: 'no_access', source: 'template', actions: [], onProject: true, askWho }, fullScreenPaths } } };
    serve({ [sessionAt]: [noAccess] });
    renderApp();
    expect(await screen.findByText(`You have no access to COI Compliance in this company. ${askWho}`)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([path]) => path === projectPath)).toBe(false);
  });

  it('hides what a read-only user cannot do, and shows a manager the company tools', async () => {
    sessionStorage.setItem('coi.session', token);
    const reads = ['directory.view', 'requests.view', 'requirements.view', 'carriers.view', 'settings.view'];
    const as = (role: string, actions: string[]): Reply => ({
      status: 200,
      body: { data: { user: { id: '5', name: 'Pat', login: 'pat@x.example' }, access: { role, source: 'default', actions, onProject: true, askWho: 'Ask Carla.' }, fullScreenPaths } },
    });
    serve({ [sessionAt]: [as('read_only', reads)], [projectPath]: [{ status: 200, body: { data: directory } }] });
    const first = renderApp();
    expect(await screen.findByRole('checkbox', { name: 'Acme Electric' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Read-only/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Request COI' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Requirements' })).toBeNull();
    first.unmount();

    serve({
      '/api/session?companyId=42': [as('compliance_manager', [...reads, 'requests.create', 'requirements.edit', 'settings.edit', 'roles.manage'])],
      '/api/companies/42/vendors': [{ status: 200, body: { data: { ...directory, project: null } } }],
    });
    renderApp({ ...projectHost, projectId: null, surface: 'fullscreen' });
    expect(await screen.findByRole('button', { name: 'Users and roles' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Request COI' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
  });
});
