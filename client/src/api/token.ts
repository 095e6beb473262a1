// The session token lives in memory and in sessionStorage: Procore's iframe is cross-site, so
// cookies may be blocked there, while sessionStorage survives reloads of the panel.
const storageKey = 'coi.session';

type Listener = () => void;
const listeners = new Set<Listener>();
let memoryToken: string | null | undefined;
// Why the server ended the session (an error code), so the Connect screen can say why.
let signOutCause: string | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Some browsers throw on storage access in third-party frames; memory alone still works.
    return null;
  }
}

export function getSessionToken(): string | null {
  if (memoryToken === undefined) {
    try {
      memoryToken = storage()?.getItem(storageKey) ?? null;
    } catch {
      memoryToken = null;
    }
  }
  return memoryToken;
}

export function setSessionToken(token: string | null, cause: string | null = null): void {
  if (getSessionToken() === token) return;
  memoryToken = token;
  signOutCause = token === null ? cause : null;
  try {
    if (token === null) storage()?.removeItem(storageKey);
    else storage()?.setItem(storageKey, token);
  } catch {
    // Storage full or refused: the in-memory token keeps this page signed in.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeToSessionToken(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSignOutCause(): string | null {
  return signOutCause;
}

/** Forgets the cached value so the next read comes from storage (tests reset state with it). */
export function reloadSessionToken(): void {
  memoryToken = undefined;
  signOutCause = null;
}
