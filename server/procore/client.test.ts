import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProcoreClient } from './client';
import { nextLink, waitSeconds } from './http';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

function fakeProcore(answers: Answer[], limits: { maxWaitSeconds?: number; maxTotalWaitSeconds?: number } = {}) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const sleeps: number[] = [];
  let refreshes = 0;
  const client = new ProcoreClient({
    ...limits,
    apiUrl: 'https://api.example.test',
    tokens: {
      accessToken: async () => 'token-1',
      refreshed: async () => {
        refreshes++;
        return 'token-2';
      },
    },
    fetch: (async (url: string, init: { headers: Record<string, string> }) => {
      calls.push({ url, headers: init.headers });
      const a = answers.shift();
      if (!a) throw new Error('no more answers');
      return new Response(a.body === undefined ? null : JSON.stringify(a.body), { status: a.status, headers: a.headers });
    }) as unknown as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { client, calls, sleeps, refreshes: () => refreshes };
}

const item = z.object({ id: z.number() });

describe('ProcoreClient', () => {
  it('reads every page by following Link rel=next and sends Procore-Company-Id', async () => {
    const p = fakeProcore([
      { status: 200, body: [{ id: 1 }, { id: 2 }], headers: { link: '<https://api.example.test/rest/v1.0/vendors?page=2&per_page=2>; rel="next", <https://api.example.test/rest/v1.0/vendors?page=2&per_page=2>; rel="last"' } },
      { status: 200, body: [{ id: 3 }], headers: { link: '<https://api.example.test/rest/v1.0/vendors?page=1&per_page=2>; rel="first"' } },
    ]);
    const rows = await p.client.getAll('/rest/v1.0/vendors', item, { companyId: '42', query: { company_id: '42' }, perPage: 2 });
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(p.calls[0]!.url).toContain('per_page=2');
    expect(p.calls.every((c) => c.headers['procore-company-id'] === '42')).toBe(true);
    expect(p.calls[0]!.headers.authorization).toBe('Bearer token-1');
  });

  it('waits for the advertised time on 429 and resumes the same page', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3;
    const p = fakeProcore([
      { status: 200, body: [{ id: 1 }], headers: { link: '<https://api.example.test/x?page=2>; rel="next"' } },
      { status: 429, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) } },
      { status: 503, headers: { 'retry-after': '2' } },
      { status: 200, body: [{ id: 2 }] },
    ]);
    const rows = await p.client.getAll('/x', item);
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(p.calls.map((c) => new URL(c.url).searchParams.get('page'))).toEqual(['1', '2', '2', '2']);
    expect(p.sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(p.sleeps[1]).toBeGreaterThanOrEqual(2000);
    expect(p.sleeps[1]).toBeLessThan(2300);
  });

  it('gives up with procore_busy when the wait is too long', async () => {
    const p = fakeProcore([{ status: 429, headers: { 'retry-after': '3600' } }]);
    await expect(p.client.get('/x', item)).rejects.toMatchObject({ code: 'procore_busy', status: 503, retryAfterSeconds: 3600 });
  });

  it('answers a panel request at once when Procore asks for 30 s, and a job waits it out', async () => {
    const panel = fakeProcore([{ status: 429, headers: { 'retry-after': '30' } }]);
    await expect(panel.client.get('/x', item)).rejects.toMatchObject({ code: 'procore_busy', status: 503, retryAfterSeconds: 30, message: 'Procore is busy; try again in 30 s.' });
    expect(panel.sleeps).toEqual([]);
    expect(panel.calls).toHaveLength(1);

    const job = fakeProcore([{ status: 429, headers: { 'retry-after': '30' } }, { status: 200, body: { id: 1 } }], { maxWaitSeconds: 120, maxTotalWaitSeconds: 600 });
    await expect(job.client.get('/x', item)).resolves.toEqual({ id: 1 });
    expect(job.sleeps[0]).toBeGreaterThanOrEqual(30_000);
  });

  it('gives up once the waits of one panel request add up past its budget', async () => {
    const p = fakeProcore(Array.from({ length: 6 }, () => ({ status: 503, headers: { 'retry-after': '4' } })));
    await expect(p.client.get('/x', item)).rejects.toMatchObject({ code: 'procore_busy' });
    expect(p.sleeps).toHaveLength(2);
  });

  it('refreshes once on 401, then reports the grant as invalid', async () => {
    const ok = fakeProcore([{ status: 401 }, { status: 200, body: { id: 7 } }]);
    await expect(ok.client.get('/me', item)).resolves.toEqual({ id: 7 });
    expect(ok.refreshes()).toBe(1);
    expect(ok.calls[1]!.headers.authorization).toBe('Bearer token-2');

    const dead = fakeProcore([{ status: 401 }, { status: 401 }]);
    await expect(dead.client.get('/me', item)).rejects.toMatchObject({ code: 'procore_grant_invalid', status: 401 });
  });

  it('turns 403 and 404 into specific errors', async () => {
    const notInstalled = fakeProcore([{ status: 403, body: { errors: 'App is not connected to this company' } }]);
    await expect(notInstalled.client.get('/x', item, { companyId: '9' })).rejects.toMatchObject({ code: 'app_not_installed', status: 403 });
    const forbidden = fakeProcore([{ status: 403, body: { errors: 'Forbidden' } }]);
    await expect(forbidden.client.get('/x', item)).rejects.toMatchObject({ code: 'procore_forbidden' });
    const missing = fakeProcore([{ status: 404, body: {} }]);
    await expect(missing.client.get('/x', item)).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('refuses a body of the wrong shape', async () => {
    const p = fakeProcore([{ status: 200, body: { id: 'seven' } }]);
    await expect(p.client.get('/x', item)).rejects.toMatchObject({ code: 'procore_error' });
  });
});

describe('headers', () => {
  it('finds rel=next only', () => {
    expect(nextLink('<https://a/x?page=3>; rel="next", <https://a/x?page=9>; rel="last"')).toBe('https://a/x?page=3');
    expect(nextLink('<https://a/x?page=1>; rel="first", <https://a/x?page=1>; rel="prev"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });

  it('prefers Retry-After, else waits for Reset when nothing remains', () => {
    const now = 1_700_000_000_000;
    expect(waitSeconds(new Headers({ 'retry-after': '7' }), now)).toBe(7);
    expect(waitSeconds(new Headers({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(now / 1000 + 12) }), now)).toBe(12);
    expect(waitSeconds(new Headers({ 'x-rate-limit-remaining': '5', 'x-rate-limit-reset': String(now / 1000 + 12) }), now)).toBe(0);
  });
});
