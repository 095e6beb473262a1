import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { errorCodes } from '../../../server/contracts/api';
import { ApiRequestError, apiRequest, clientErrorCodes, parseRetryAfter } from './http';
import { retryDelayMs, shouldRetry } from './queryClient';
import { getSessionToken, reloadSessionToken, setSessionToken } from './token';

const token = 't'.repeat(40);
const fetchMock = vi.fn<typeof fetch>();

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

async function caught(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiRequestError)) throw new Error(`expected ApiRequestError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  sessionStorage.clear();
  reloadSessionToken();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends the session token as a bearer header and returns the validated data', async () => {
    setSessionToken(token);
    fetchMock.mockResolvedValue(jsonResponse(200, { data: { n: 3 } }));
    await expect(apiRequest('/api/thing', z.object({ n: z.number() }))).resolves.toEqual({ n: 3 });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/thing');
    expect(new Headers(init?.headers).get('Authorization')).toBe(`Bearer ${token}`);
    expect(init?.credentials).toBe('include');
    expect(new Headers(init?.headers).get('X-COI-Panel')).toBe('1');
  });

  it('sends a body as JSON with the method asked for', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { data: { ok: true } }));
    await apiRequest('/api/thing', z.object({ ok: z.boolean() }), { method: 'PATCH', body: { reminderDays: [3] } });
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe('{"reminderDays":[3]}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('turns an error body into ApiRequestError with the code, message and Retry-After', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(503, { error: { code: errorCodes.procoreBusy, message: 'Procore is busy.' } }, { 'Retry-After': '7' }),
    );
    const error = await caught(apiRequest('/api/x', z.unknown()));
    expect(error).toMatchObject({ status: 503, code: 'procore_busy', message: 'Procore is busy.', retryAfterSeconds: 7 });
  });

  it('drops the token when the server says the user is not signed in or the grant is gone', async () => {
    for (const code of [errorCodes.notSignedIn, errorCodes.grantInvalid]) {
      setSessionToken(token);
      fetchMock.mockResolvedValueOnce(jsonResponse(401, { error: { code, message: 'Sign in.' } }));
      expect((await caught(apiRequest('/api/x', z.unknown()))).code).toBe(code);
      expect(getSessionToken()).toBeNull();
      expect(sessionStorage.getItem('coi.session')).toBeNull();
    }
  });

  it('keeps the token on other errors', async () => {
    setSessionToken(token);
    fetchMock.mockResolvedValue(jsonResponse(403, { error: { code: errorCodes.appNotInstalled, message: 'Not installed.' } }));
    expect((await caught(apiRequest('/api/x', z.unknown()))).status).toBe(403);
    expect(getSessionToken()).toBe(token);
  });

  it('never surfaces a non-JSON error page, only a plain sentence', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Error: at Object.<anonymous> (app.js:1)</html>', { status: 502 }));
    const error = await caught(apiRequest('/api/x', z.unknown()));
    expect(error.code).toBe(clientErrorCodes.http);
    expect(error.message).toBe("The app's server answered with an error (HTTP 502). Try again in a moment.");
  });

  it('reports an unreachable server and an unreadable success body', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect((await caught(apiRequest('/api/x', z.unknown()))).code).toBe(clientErrorCodes.network);
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { data: { n: 'three' } }));
    expect((await caught(apiRequest('/api/x', z.object({ n: z.number() })))).code).toBe(clientErrorCodes.invalidResponse);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30);
  });
});

describe('retry policy', () => {
  const busy = new ApiRequestError({ status: 429, code: errorCodes.procoreBusy, message: 'busy', retryAfterSeconds: 4 });

  it('retries procore_busy after the advertised wait, a bounded number of times', () => {
    expect(shouldRetry(0, busy)).toBe(true);
    expect(shouldRetry(5, busy)).toBe(false);
    expect(retryDelayMs(1, busy)).toBe(4000);
  });

  it('never retries a 4xx', () => {
    for (const code of [errorCodes.notSignedIn, errorCodes.appNotInstalled, errorCodes.procoreForbidden, errorCodes.notFound]) {
      expect(shouldRetry(0, new ApiRequestError({ status: 403, code, message: 'no' }))).toBe(false);
    }
  });
});
