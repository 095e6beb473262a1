import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { HostProvider } from '../host/HostProvider';
import { createQueryClient } from '../api/queryClient';

// A stand-in for the app's API in component tests: replies by "METHOD path", records each call.

export interface Reply {
  status: number;
  body: unknown;
}

/** A reply, or a promise of one the test resolves when it wants (to look at the "sending" state). */
type Answer = Reply | Promise<Reply>;

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export const ok = (data: unknown): Reply => ({ status: 200, body: { data } });
export const failure = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

/** A reply that arrives only when `resolve` is called. */
export function deferred(): { promise: Promise<Reply>; resolve: (reply: Reply) => void } {
  let resolve: (reply: Reply) => void = () => undefined;
  const promise = new Promise<Reply>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Routes keyed "GET /api/…"; each route's answers are used in order, the last one repeating. */
export function fakeApi(routes: Record<string, Answer[]>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    calls.push({ method, path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    const answers = routes[`${method} ${path}`];
    const answer = answers && (answers.length > 1 ? answers.shift() : answers[0]);
    if (!answer) throw new Error(`unexpected request ${method} ${path}`);
    const reply = await answer;
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, callsTo: (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path) };
}

export function renderWithClient(element: ReactElement) {
  const client = createQueryClient();
  // Full screen by default: components that ask where they are get an answer.
  const host = { companyId: '42', projectId: null, surface: 'fullscreen', view: null } as const;
  return {
    client,
    ...render(
      <QueryClientProvider client={client}>
        <HostProvider initial={host}>{element}</HostProvider>
      </QueryClientProvider>,
    ),
  };
}
