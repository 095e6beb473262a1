import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { startMailSink } from '../../scripts/procore-emulator/mail-sink';
import { COMPANY_A, USER_ADMIN } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { CreateRequestsResult, RequestDetail } from '../contracts/requests';

// SMTP down: nothing is lost, the timeline says "not yet delivered", and the email goes out
// once the server answers again (pg-boss retries with backoff).

let stack: Stack;
let smtpPort: number;
let lateSink: Awaited<ReturnType<typeof startMailSink>> | undefined;
beforeAll(async () => {
  smtpPort = await freePort();
  stack = await startStack({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
});
afterAll(async () => {
  await stack?.close();
  await lateSink?.close();
});

describe('email delivery', () => {
  it('keeps a request email while SMTP is down and delivers it when SMTP is back', async () => {
    const token = await stack.signIn(USER_ADMIN);
    const base = `/api/companies/${COMPANY_A}`;
    const dir = ((await (await stack.api(token, `${base}/projects/2783002/vendors`)).json()) as { data: Directory }).data;
    const vendor = dir.vendors.find((v) => v.emailValid)!;
    const created = ((await (await stack.api(token, `${base}/projects/2783002/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: [vendor.vendorId] }) })).json()) as { data: CreateRequestsResult }).data;
    const id = created.created[0]!.id;

    const detail = await waitFor(async () => {
      const d = ((await (await stack.api(token, `${base}/requests/${id}`)).json()) as { data: RequestDetail }).data;
      return d.timeline.some((e) => e.kind === 'email_failed') ? d : null;
    }, 20_000, 'a failed delivery on the timeline');
    expect(detail.timeline.find((e) => e.kind === 'email_failed')!.summary).toMatch(/not yet delivered/i);
    const email = await stack.database.db('emails').where({ request_id: id }).first();
    // Not delivered, not given up: waiting for its next try (or in it: "sending").
    expect(['queued', 'sending']).toContain(email.status);
    expect(email.attempts).toBeGreaterThanOrEqual(1);

    lateSink = await startMailSink({ port: smtpPort });
    await waitFor(() => lateSink!.messages().some((m) => m.to.includes(vendor.email!)), 40_000, 'delivery after SMTP came back');
    // The sink holds the message a moment before the sender records it as sent.
    const sent = await waitFor(async () => {
      const row = await stack.database.db('emails').where({ request_id: id }).first();
      return row.status === 'sent' ? row : null;
    }, 10_000, 'the email recorded as sent');
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(lateSink.messages().filter((m) => m.to.includes(vendor.email!))).toHaveLength(1);
  });
});
