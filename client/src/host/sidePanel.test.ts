import { describe, expect, it, vi } from 'vitest';
import { readUrlContext } from './context';
import { parentOrigin, readPanelMessage, startHandshake } from './sidePanel';

const procore = 'https://app.procore.com';

function framedWindow() {
  const target = new EventTarget();
  const parent = { postMessage: vi.fn() };
  const win = {
    parent: parent as unknown as Window,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  } as Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>;
  const post = (data: unknown, origin: string, source: unknown = parent) => {
    const event = new MessageEvent('message', { data, origin });
    Object.defineProperty(event, 'source', { value: source });
    target.dispatchEvent(event);
  };
  return { win, parent, post };
}

describe('readUrlContext', () => {
  it('reads ids from the manifest URL; an empty project id means company level', () => {
    expect(readUrlContext({ pathname: '/app', search: '?company_id=42&project_id=' })).toEqual({
      companyId: '42',
      projectId: null,
      surface: 'fullscreen',
      view: null,
    });
    expect(readUrlContext({ pathname: '/app/panel', search: '?company_id=42&project_id=7' })).toMatchObject({
      projectId: '7',
      surface: 'sidepanel',
    });
    expect(readUrlContext({ pathname: '/app', search: '?company_id=abc' }).companyId).toBeNull();
  });
});

describe('side panel handshake', () => {
  it('posts initialize to the referrer origin, never to *', () => {
    const { win, parent } = framedWindow();
    startHandshake(win, `${procore}/42/project/directory`, { onSetup: vi.fn(), onVisibility: vi.fn() });
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'initialize' }, procore);
  });

  it('accepts setup and visibility messages from the parent origin only', () => {
    const { win, post } = framedWindow();
    const onSetup = vi.fn();
    const onVisibility = vi.fn();
    startHandshake(win, `${procore}/x`, { onSetup, onVisibility });

    const setup = { type: 'setup', context: { company_id: 42, project_id: '7', id: 9, view: 'project_directory.vendors.list' } };
    post(setup, 'https://evil.example');
    post(setup, procore, {});
    post({ type: 'setup', context: 'nope' }, procore);
    expect(onSetup).not.toHaveBeenCalled();

    post(setup, procore);
    expect(onSetup).toHaveBeenCalledWith({ companyId: '42', projectId: '7', recordId: '9', view: 'project_directory.vendors.list' });
    post({ type: 'sidepanel:app:hidden' }, procore);
    expect(onVisibility).toHaveBeenLastCalledWith('hidden');
    post({ type: 'sidepanel:app:destroy' }, procore);
    post({ type: 'sidepanel:app:visible' }, procore);
    // After destroy the panel stops listening.
    expect(onVisibility.mock.calls).toEqual([['hidden'], ['destroyed']]);
  });

  it('does nothing when not framed or when the referrer is unknown', () => {
    const { win, parent } = framedWindow();
    startHandshake(win, '', { onSetup: vi.fn(), onVisibility: vi.fn() });
    const topLevel = { ...win, parent: undefined as unknown as Window };
    topLevel.parent = topLevel as unknown as Window;
    startHandshake(topLevel, `${procore}/x`, { onSetup: vi.fn(), onVisibility: vi.fn() });
    expect(parent.postMessage).not.toHaveBeenCalled();
    expect(parentOrigin('not a url')).toBeNull();
    expect(readPanelMessage({ type: 'sidepanel:app:visible' })).toBe('visible');
  });
});
