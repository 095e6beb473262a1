import { z } from 'zod';
import { NotFoundError, UnauthorizedError, UpstreamError } from '../errors';
import { errorCodes } from '../contracts/api';
import { nextLink, waitSeconds } from './http';

// Procore REST client: Procore-Company-Id on every call, every page of a list, rate limits and
// retries. A retry resumes the same page; a list never starts over from page one.

export interface TokenSource {
  /** A current access token for this user or service account. */
  accessToken(): Promise<string>;
  /** Called after a 401: refresh and return a new token, or throw when the grant is gone. */
  refreshed(): Promise<string>;
}

export interface ProcoreClientOptions {
  apiUrl: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Longest wait we accept for a rate limit before giving up with procore_busy. */
  maxWaitSeconds?: number;
  maxRetries?: number;
}

interface RequestOptions {
  companyId?: string;
  query?: Record<string, string | number | undefined>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class ProcoreClient {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ProcoreClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? defaultSleep;
  }

  async get<S extends z.ZodType>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.output<S>> {
    const res = await this.send(this.url(path, opts.query), opts.companyId);
    return parseBody(schema, await res.json(), path);
  }

  /**
   * A write (POST/PATCH/DELETE) with a JSON body. Not retried on 5xx, since it may have happened,
   * unless the caller says writing it twice does no harm (`idempotent`: a PATCH of the same
   * values, a DELETE).
   */
  async write<S extends z.ZodType>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    schema: S,
    opts: RequestOptions & { body?: unknown; idempotent?: boolean } = {},
  ): Promise<z.output<S>> {
    const res = await this.request(this.url(path, opts.query), opts.companyId, {
      method,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      retryable: opts.idempotent === true,
    });
    const text = await res.text();
    return parseBody(schema, text ? JSON.parse(text) : {}, path);
  }

  /** Every page of a list, at the largest page size we ask for. */
  async getAll<S extends z.ZodType>(
    path: string,
    item: S,
    opts: RequestOptions & { perPage?: number } = {},
  ): Promise<z.output<S>[]> {
    const rows: z.output<S>[] = [];
    let url: string | null = this.url(path, { ...opts.query, page: 1, per_page: opts.perPage ?? 1000 });
    for (let pages = 0; url && pages < 10_000; pages++) {
      const res = await this.send(url, opts.companyId);
      rows.push(...parseBody(z.array(item), await res.json(), path));
      url = nextLink(res.headers.get('link'));
    }
    return rows;
  }

  private url(path: string, query: RequestOptions['query'] = {}): string {
    const u = new URL(path, `${this.options.apiUrl}/`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  private send(url: string, companyId: string | undefined): Promise<Response> {
    return this.request(url, companyId, { method: 'GET' });
  }

  private async request(url: string, companyId: string | undefined, init: { method: string; body?: string; retryable?: boolean }): Promise<Response> {
    const maxRetries = this.options.maxRetries ?? 5;
    let refreshedOnce = false;
    let token = await this.options.tokens.accessToken();
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
      if (companyId) headers['procore-company-id'] = companyId;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await this.fetch(url, { headers, method: init.method, body: init.body });
      } catch {
        if (attempt >= maxRetries) throw busy(5, 0);
        await this.sleep(backoffMs(attempt));
        continue;
      }
      if (res.ok) return res;
      if (res.status === 401 && !refreshedOnce) {
        refreshedOnce = true;
        token = await this.options.tokens.refreshed();
        continue;
      }
      // Only rate limits are safe to retry for writes: Procore refused them before doing anything.
      const retry = init.method === 'GET' || init.retryable || res.status === 429 ? await this.retryDelay(res, attempt, maxRetries) : undefined;
      if (retry === undefined) throw await toError(res);
      await this.sleep(retry);
    }
  }

  /** Milliseconds to wait before retrying, or undefined when this answer is final. */
  private async retryDelay(res: Response, attempt: number, maxRetries: number): Promise<number | undefined> {
    const transient = res.status === 429 || res.status === 503 || res.status === 502 || res.status === 504;
    if (!transient) return undefined;
    const wait = waitSeconds(res.headers, Date.now());
    if (attempt >= maxRetries || wait > (this.options.maxWaitSeconds ?? 30)) {
      await res.body?.cancel();
      throw busy(Math.ceil(wait) || 5, res.status);
    }
    await res.body?.cancel();
    const jitter = Math.random() * 250;
    return wait > 0 ? wait * 1000 + jitter : backoffMs(attempt) + jitter;
  }
}

function backoffMs(attempt: number): number {
  return Math.min(8000, 250 * 2 ** attempt);
}

function busy(retryAfterSeconds: number, status: number): UpstreamError {
  return new UpstreamError(
    `Procore is busy right now; the app will try again in ${retryAfterSeconds} seconds.`,
    status,
    errorCodes.procoreBusy,
    503,
    retryAfterSeconds,
  );
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown, path: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(`Procore sent an answer the app does not understand (${path}).`, 200);
  }
  return parsed.data;
}

async function toError(res: Response): Promise<Error> {
  const text = await res.text().catch(() => '');
  if (res.status === 401) {
    return new UnauthorizedError('Your Procore sign-in has expired or was revoked. Connect to Procore again.', errorCodes.grantInvalid);
  }
  if (res.status === 403) {
    if (/not connected|not installed/i.test(text)) {
      return new UpstreamError(
        'COI Compliance is not installed for this company in Procore. Ask a company admin to install it from the App Marketplace.',
        403,
        errorCodes.appNotInstalled,
        403,
      );
    }
    return new UpstreamError("Your Procore account does not have access to this. Ask your Procore admin for the permission.", 403, errorCodes.procoreForbidden, 403);
  }
  if (res.status === 404) return new NotFoundError('Procore has no such record, or it was deleted.');
  return new UpstreamError(`Procore answered with an error (${res.status}). Try again in a moment.`, res.status);
}
