import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { COMPANY_A, USER_ADMIN } from './seed-people';
import { api, CLIENT, signIn, start } from './test-helpers';
import type { WebhookPayload } from './types';

interface Received {
  headers: IncomingHttpHeaders;
  body: WebhookPayload;
}

let emulator: Emulator;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  emulator = await start({ webhookRetryDelaysMs: [50, 50] });
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) as WebhookPayload });
      res.statusCode = failuresLeft-- > 0 ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/procore`;
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

describe('webhooks', () => {
  it('delivers v2 payloads with destination headers and retries after a 500', async () => {
    const token = (await signIn(emulator, USER_ADMIN)).access_token;
    const hook = (await (await api(emulator, token, `/rest/v1.0/webhooks/hooks?company_id=${COMPANY_A}`, {
      method: 'POST', json: { hook: { api_version: 'v2', namespace: 'coi-compliance', destination_url: receiverUrl, destination_headers: { Authorization: 'Bearer shared-secret' } } },
    })).json()) as { id: number };
    for (const resource_name of ['Company Vendors', 'Work Order Contracts']) {
      const trigger = await api(emulator, token, `/rest/v1.0/webhooks/hooks/${hook.id}/triggers`, { method: 'POST', json: { company_id: COMPANY_A, api_version: 'v2', trigger: { resource_name, event_type: 'create' } } });
      expect(trigger.status).toBe(201);
    }
    const triggers = (await (await api(emulator, token, `/rest/v1.0/webhooks/hooks/${hook.id}/triggers?company_id=${COMPANY_A}`)).json()) as unknown[];
    expect(triggers).toHaveLength(2);

    failuresLeft = 1;
    const created = await api(emulator, token, '/rest/v1.0/vendors', { method: 'POST', json: { company_id: COMPANY_A, vendor: { name: 'Webhook Test Roofing LLC' } } });
    const vendor = (await created.json()) as { id: number };
    await waitFor(() => received.length >= 2);
    const [first, second] = received;
    expect(first?.headers.authorization).toBe('Bearer shared-secret');
    expect(second?.body).toEqual(first?.body);
    expect(second?.body).toMatchObject({
      api_version: 'v2', event_type: 'create', resource_name: 'Company Vendors', resource_id: vendor.id, company_id: COMPANY_A, project_id: null, user_id: USER_ADMIN,
      metadata: { source_user_id: USER_ADMIN, source_company_id: COMPANY_A, source_application_id: CLIENT.clientId },
    });
    expect(second?.body.ulid).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

    const deliveries = (await (await api(emulator, token, `/rest/v1.0/webhooks/hooks/${hook.id}/deliveries?company_id=${COMPANY_A}`)).json()) as { status: string; attempts: number }[];
    expect(deliveries).toEqual([expect.objectContaining({ status: 'successful', attempts: 2 })]);
  });

  it('fires Work Order Contracts for tooling-created commitments and discards after the last retry', async () => {
    received.length = 0;
    failuresLeft = 10;
    const vendorId = [...(emulator.state.directories.get(2783001) ?? [])][0];
    const response = await fetch(`${emulator.url}/__emulator/commitments`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ project_id: 2783001, vendor_id: vendorId, kind: 'work_order', grand_total: 125000 }),
    });
    const commitment = (await response.json()) as { id: number };
    await waitFor(() => emulator.state.deliveries.some((d) => d.payload.resource_id === commitment.id && d.status === 'discarded'));
    expect(received).toHaveLength(3);
    expect(received[0]?.body).toMatchObject({ resource_name: 'Work Order Contracts', project_id: 2783001, metadata: { source_application_id: null } });
    failuresLeft = 0;
  });

  it('lists resources and validates hook bodies', async () => {
    const token = (await signIn(emulator, USER_ADMIN)).access_token;
    const resources = (await (await api(emulator, token, `/rest/v1.0/webhooks/resources?company_id=${COMPANY_A}`)).json()) as { resource_name: string }[];
    expect(resources.map((r) => r.resource_name)).toEqual(expect.arrayContaining(['Company Vendors', 'Project Vendors', 'Work Order Contracts', 'Purchase Order Contracts']));
    const bad = await api(emulator, token, `/rest/v1.0/webhooks/hooks?company_id=${COMPANY_A}`, { method: 'POST', json: { hook: { namespace: 'Bad Namespace', destination_url: 'nope' } } });
    expect(bad.status).toBe(422);
  });
});
