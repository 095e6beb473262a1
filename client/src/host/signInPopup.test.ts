import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSignInPopup, readAuthMessage, SignInError, signInPath } from './signInPopup';

const origin = window.location.origin;
const token = 'a'.repeat(48);
const success = { type: 'authentication.success', payload: { token } };

function fakePopup(): Window & { closed: boolean } {
  const popup = { closed: false, close: vi.fn(() => (popup.closed = true)) };
  return popup as unknown as Window & { closed: boolean };
}

function postFrom(source: unknown, data: unknown, fromOrigin = origin): void {
  const event = new MessageEvent('message', { data, origin: fromOrigin });
  // jsdom only accepts real windows as `source`; the panel compares it by identity, so a stand-in will do.
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('readAuthMessage', () => {
  const popup = fakePopup();

  it('accepts a well-formed message from the opened popup on the app origin', () => {
    expect(readAuthMessage({ origin, source: popup, data: success }, popup, origin)).toEqual(success);
    const failure = { type: 'authentication.failure', payload: { reason: 'access_denied' } };
    expect(readAuthMessage({ origin, source: popup, data: failure }, popup, origin)).toEqual(failure);
  });

  it('rejects another origin, another window and malformed messages', () => {
    expect(readAuthMessage({ origin: 'https://evil.example', source: popup, data: success }, popup, origin)).toBeNull();
    expect(readAuthMessage({ origin, source: fakePopup(), data: success }, popup, origin)).toBeNull();
    expect(readAuthMessage({ origin, source: popup, data: success }, null, origin)).toBeNull();
    expect(readAuthMessage({ origin, source: popup, data: { type: 'authentication.success', payload: { token: 'short' } } }, popup, origin)).toBeNull();
    expect(readAuthMessage({ origin, source: popup, data: 'authentication.success' }, popup, origin)).toBeNull();
  });
});

describe('openSignInPopup', () => {
  it('opens a 560×600 popup at the start route and resolves with the posted token, ignoring impostors', async () => {
    const popup = fakePopup();
    const open = vi.spyOn(window, 'open').mockReturnValue(popup);
    const signedIn = openSignInPopup();
    expect(open.mock.calls[0]?.[0]).toBe(signInPath);
    expect(open.mock.calls[0]?.[2]).toMatch(/width=560,height=600/);

    postFrom(popup, { ...success, payload: { token: 'b'.repeat(48) } }, 'https://evil.example');
    postFrom(fakePopup(), { ...success, payload: { token: 'c'.repeat(48) } });
    postFrom(popup, success);
    await expect(signedIn).resolves.toBe(token);
    expect(popup.close).toHaveBeenCalled();
  });

  it('rejects with the reason when sign-in fails', async () => {
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup);
    const signedIn = openSignInPopup();
    postFrom(popup, { type: 'authentication.failure', payload: { reason: 'access_denied' } });
    await expect(signedIn).rejects.toMatchObject({ reason: 'failed', message: 'Procore sign-in did not complete: access_denied' });
  });

  it('says "Sign-in was cancelled." when the popup is closed without a message', async () => {
    vi.useFakeTimers();
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup);
    const signedIn = openSignInPopup();
    const outcome = expect(signedIn).rejects.toMatchObject({ reason: 'cancelled', message: 'Sign-in was cancelled.' });
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(2000);
    await outcome;
  });

  it('says plainly when the browser blocks the popup', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const error = await openSignInPopup().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ reason: 'blocked' });
    expect((error as SignInError).message).toMatch(/blocked the sign-in window/);
  });
});
