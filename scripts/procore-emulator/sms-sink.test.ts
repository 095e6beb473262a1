import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { SMS_ACCOUNT_SID, SMS_AUTH_TOKEN } from './sms-sink';
import { start } from './test-helpers';

// The SMS sink speaks the Twilio Messages API: Basic auth with the account, E.164 numbers,
// 201 with the sid; injected failures; the Mailbox lists texts as Messages; a reply is posted
// to the app signed as Twilio signs it.

let emulator: Emulator;
let app: Server;
let received: { signature: string | undefined; body: string } | null = null;
beforeAll(async () => {
  emulator = await start({});
  app = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received = { signature: req.headers['x-twilio-signature'] as string | undefined, body };
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response></Response>');
    });
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => app.close(resolve));
});

const send = (auth: string, form: Record<string, string>) =>
  fetch(`${emulator.url}/sms/2010-04-01/Accounts/${SMS_ACCOUNT_SID}/Messages.json`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
const tooling = (path: string, body: unknown) => fetch(`${emulator.url}/__emulator/sms${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('SMS sink', () => {
  it('takes messages from the account only, checks numbers, and shows them in the Mailbox', async () => {
    expect((await send(`${SMS_ACCOUNT_SID}:wrong-token`, { To: '+14155550100', From: '+15005550006', Body: 'hi' })).status).toBe(401);
    const bad = await send(`${SMS_ACCOUNT_SID}:${SMS_AUTH_TOKEN}`, { To: '4155550100', From: '+15005550006', Body: 'hi' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: number }).code).toBe(21211);
    const ok = await send(`${SMS_ACCOUNT_SID}:${SMS_AUTH_TOKEN}`, { To: '+14155550100', From: '+15005550006', Body: 'Please upload <your> COI' });
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as { sid: string; status: string };
    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    const listed = (await (await fetch(`${emulator.url}/__emulator/sms/messages`)).json()) as { sid: string; body: string }[];
    expect(listed[0]).toMatchObject({ sid: created.sid, body: 'Please upload <your> COI' });
    const page = await (await fetch(`${emulator.url}/__emulator/mailbox`)).text();
    expect(page).toContain('Messages (1)');
    expect(page).toContain('Please upload &lt;your&gt; COI');
  });

  it('answers the injected failures first', async () => {
    expect((await tooling('/failures', { status: 429 })).status).toBe(201);
    expect((await send(`${SMS_ACCOUNT_SID}:${SMS_AUTH_TOKEN}`, { To: '+14155550100', From: '+15005550006', Body: 'a' })).status).toBe(429);
    expect((await send(`${SMS_ACCOUNT_SID}:${SMS_AUTH_TOKEN}`, { To: '+14155550100', From: '+15005550006', Body: 'a' })).status).toBe(201);
  });

  it("posts a sub's reply to the app, signed with the account's token", async () => {
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks/sms/1?x=1`;
    const answer = (await (await tooling('/replies', { url, from: '+14155550100', to: '+15005550006', body: 'STOP' })).json()) as { status: number };
    expect(answer.status).toBe(200);
    const params = new URLSearchParams(received!.body);
    expect(params.get('Body')).toBe('STOP');
    const names = [...params.keys()].sort();
    const expected = createHmac('sha1', SMS_AUTH_TOKEN).update(url + names.map((n) => n + params.get(n)).join('')).digest('base64');
    expect(received!.signature).toBe(expected);
  });
});
