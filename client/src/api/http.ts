import { z } from 'zod';
import { apiErrorSchema, errorCodes } from '../../../server/contracts/api';
import { getSessionToken, setSessionToken } from './token';

/** Codes the client itself produces when there is no usable answer from the server. */
export const clientErrorCodes = {
  network: 'network_error',
  invalidResponse: 'invalid_response',
  http: 'http_error',
} as const;

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds: number | null;
  /** The server's `details` (e.g. validation issues with their paths), for views that point at fields. */
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; retryAfterSeconds?: number | null; details?: unknown }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.details = init.details;
  }
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function toError(response: Response): Promise<ApiRequestError> {
  const parsed = apiErrorSchema.safeParse(await readJson(response));
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiRequestError({ status: response.status, code, message, retryAfterSeconds, details });
  }
  // Not our JSON (a proxy's error page, say): never show its body, only a plain sentence.
  return new ApiRequestError({
    status: response.status,
    code: clientErrorCodes.http,
    message: `The app's server answered with an error (HTTP ${response.status}). Try again in a moment.`,
    retryAfterSeconds,
  });
}

const signedOutCodes: ReadonlySet<string> = new Set([errorCodes.notSignedIn, errorCodes.grantInvalid]);

export interface ApiRequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is with this content type instead of JSON (the carrier table is uploaded as CSV). */
  text?: { contentType: string; content: string };
}

function encodeBody(init: ApiRequestInit, headers: Record<string, string>): string | undefined {
  if (init.text !== undefined) {
    headers['Content-Type'] = init.text.contentType;
    return init.text.content;
  }
  if (init.body === undefined) return undefined;
  headers['Content-Type'] = 'application/json';
  return JSON.stringify(init.body);
}

/**
 * How the panel proves its session: the bearer token it holds since sign-in on this page, and
 * the partitioned session cookie the server set (it survives Procore page changes and reloads,
 * when the frame's storage is blocked); the marker header lets the server accept that cookie.
 */
export function sessionHeaders(): Record<string, string> {
  const headers: Record<string, string> = { 'X-COI-Panel': '1' };
  const token = getSessionToken();
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** Calls the app's API with the session and returns the validated `data`, or throws ApiRequestError. */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, init: ApiRequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...sessionHeaders() };
  const body = encodeBody(init, headers);
  let response: Response;
  try {
    // credentials 'include': the partitioned session cookie travels with the token header.
    response = await fetch(path, { method: init.method ?? 'GET', headers, body, credentials: 'include' });
  } catch {
    throw new ApiRequestError({
      status: 0,
      code: clientErrorCodes.network,
      message: "The app's server could not be reached. Check your connection and try again.",
    });
  }
  if (!response.ok) {
    const error = await toError(response);
    if (signedOutCodes.has(error.code)) setSessionToken(null, error.code);
    throw error;
  }
  const parsed = z.object({ data: schema }).safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiRequestError({
      status: response.status,
      code: clientErrorCodes.invalidResponse,
      message: "The app's server sent an answer the panel could not read. Reload the panel to try again.",
    });
  }
  return parsed.data.data;
}

export function isApiError(error: unknown, code?: string): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}
