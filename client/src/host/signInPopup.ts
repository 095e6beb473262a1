import { authMessageSchema, type AuthMessage } from '../../../server/contracts/session';

export const signInPath = '/auth/procore/start';
const popupSize = { width: 560, height: 600 };
const closedPollMs = 500;
// A message posted just before the popup closes is delivered after `closed` flips; wait for it.
const closedGraceMs = 300;

export type SignInFailure = 'blocked' | 'cancelled' | 'failed';

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

type AuthEvent = Pick<MessageEvent, 'origin' | 'source' | 'data'>;

/** Accepts only a well-formed message from the popup this panel opened, on the app's own origin. */
export function readAuthMessage(event: AuthEvent, popup: Window | null, ownOrigin: string): AuthMessage | null {
  if (event.origin !== ownOrigin || popup === null || event.source !== popup) return null;
  const parsed = authMessageSchema.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}

type PopupHost = Pick<Window, 'open' | 'addEventListener' | 'removeEventListener' | 'screenX' | 'screenY' | 'outerWidth' | 'outerHeight'> & {
  location: Pick<Location, 'origin'>;
};

function popupFeatures(win: PopupHost): string {
  const left = Math.max(0, Math.round(win.screenX + (win.outerWidth - popupSize.width) / 2));
  const top = Math.max(0, Math.round(win.screenY + (win.outerHeight - popupSize.height) / 2));
  return `popup=yes,width=${popupSize.width},height=${popupSize.height},left=${left},top=${top}`;
}

/**
 * Opens Procore sign-in in a popup (Procore's login page refuses to be framed) and resolves with
 * the session token the callback page posts back. Must be called from a click handler, or the
 * browser blocks the popup.
 */
export function openSignInPopup(win: PopupHost = window): Promise<string> {
  const popup = win.open(signInPath, 'coi-procore-sign-in', popupFeatures(win));
  if (popup === null) {
    return Promise.reject(
      new SignInError('blocked', 'Your browser blocked the sign-in window. Allow pop-ups for this app, then click Connect to Procore again.'),
    );
  }
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      win.removeEventListener('message', onMessage);
      clearInterval(poll);
      outcome();
    };
    const onMessage = (event: MessageEvent): void => {
      const message = readAuthMessage(event, popup, win.location.origin);
      if (message === null) return;
      if (!popup.closed) popup.close();
      if (message.type === 'authentication.success') finish(() => resolve(message.payload.token));
      else finish(() => reject(new SignInError('failed', `Procore sign-in did not complete: ${message.payload.reason}`)));
    };
    const poll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(poll);
      setTimeout(() => finish(() => reject(new SignInError('cancelled', 'Sign-in was cancelled.'))), closedGraceMs);
    }, closedPollMs);
    win.addEventListener('message', onMessage);
  });
}
