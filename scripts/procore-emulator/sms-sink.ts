import { createHmac, randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';

// A Twilio-compatible SMS sink: the Messages API (HTTP Basic with the account SID and auth
// token, form-encoded To, From, Body; 201 with the message's sid), the messages kept in memory
// for the Mailbox page and tests, failures to inject (the next N sends answer 429 or 5xx), and
// a sub's reply posted to the app's webhook, signed as the provider signs it.

export const SMS_ACCOUNT_SID = 'AC5e0c7d2b41f94a8d9c3b6e1f2a7d4c90';
export const SMS_AUTH_TOKEN = 'emulator-sms-auth-token-7f3a91';
const MAX_MESSAGES = 1000;

export interface SmsItem {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  date: string;
}

export interface SmsState {
  accounts: Map<string, string>;
  messages: SmsItem[];
  /** Answers the next sends get instead of success (429, 500, 503…). */
  failures: number[];
}

export function createSmsState(): SmsState {
  return { accounts: new Map([[SMS_ACCOUNT_SID, SMS_AUTH_TOKEN]]), messages: [], failures: [] };
}

const e164 = /^\+[1-9]\d{7,14}$/;

function twilioError(res: Response, status: number, code: number, message: string): void {
  res.status(status).json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function basicAuth(req: Request): { user: string; password: string } | null {
  const header = req.get('authorization') ?? '';
  if (!header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Mounted at /sms: the API base URL the app is given is `<emulator>/sms`. */
export function smsApiRouter(sms: SmsState): Router {
  const router = express.Router();
  router.post('/2010-04-01/Accounts/:sid/Messages.json', express.urlencoded({ extended: false }), (req, res) => {
    const sid = String(req.params.sid);
    const auth = basicAuth(req);
    if (!auth || auth.user !== sid || sms.accounts.get(sid) !== auth.password) return twilioError(res, 401, 20003, 'Authenticate');
    const failure = sms.failures.shift();
    if (failure !== undefined) return twilioError(res, failure, failure === 429 ? 20429 : 20500, failure === 429 ? 'Too Many Requests' : 'Internal Server Error');
    const body = req.body as Record<string, string | undefined>;
    if (!body.To || !e164.test(body.To)) return twilioError(res, 400, 21211, `The 'To' number ${body.To ?? ''} is not a valid phone number.`);
    if (!body.From || !e164.test(body.From)) return twilioError(res, 400, 21212, `The 'From' number ${body.From ?? ''} is not a valid phone number.`);
    if (!body.Body) return twilioError(res, 400, 21602, 'Message body is required.');
    const item: SmsItem = { sid: `SM${randomBytes(16).toString('hex')}`, accountSid: sid, to: body.To, from: body.From, body: body.Body, date: new Date().toISOString() };
    sms.messages.push(item);
    if (sms.messages.length > MAX_MESSAGES) sms.messages.splice(0, sms.messages.length - MAX_MESSAGES);
    res.status(201).json({
      sid: item.sid, account_sid: sid, to: item.to, from: item.from, body: item.body, status: 'queued', num_segments: '1', direction: 'outbound-api',
      date_created: new Date(item.date).toUTCString(), uri: `/2010-04-01/Accounts/${sid}/Messages/${item.sid}.json`,
    });
  });
  return router;
}

/** How the provider signs a webhook: HMAC-SHA1 (auth token) of the URL and the sorted parameters, base64. */
function sign(authToken: string, url: string, params: Record<string, string>): string {
  const mac = createHmac('sha1', authToken).update(url);
  for (const name of Object.keys(params).sort()) mac.update(name).update(params[name]!);
  return mac.digest('base64');
}

const replyInput = z.object({
  url: z.url(),
  from: z.string().regex(e164),
  to: z.string().regex(e164),
  body: z.string(),
  account_sid: z.string().default(SMS_ACCOUNT_SID),
});
const failureInput = z.object({ status: z.union([z.literal(429), z.number().int().min(500).max(599)]), count: z.number().int().min(1).max(50).default(1) });

/** Mounted at /__emulator/sms. */
export function smsToolingRouter(sms: SmsState): Router {
  const router = express.Router();
  router.get('/messages', (_req, res) => {
    res.json([...sms.messages].reverse());
  });
  router.post('/failures', (req, res) => {
    const parsed = failureInput.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'Invalid failure', issues: parsed.error.issues });
    for (let i = 0; i < parsed.data.count; i++) sms.failures.push(parsed.data.status);
    res.status(201).json({ pending: sms.failures.length });
  });
  // A sub's reply: posted, signed, to the webhook URL the app gave for the account's number.
  router.post('/replies', (req, res, next) => {
    const parsed = replyInput.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'Invalid reply', issues: parsed.error.issues });
    const token = sms.accounts.get(parsed.data.account_sid);
    if (!token) return void res.status(404).json({ error: 'No such SMS account' });
    const params = {
      AccountSid: parsed.data.account_sid, MessageSid: `SM${randomBytes(16).toString('hex')}`, From: parsed.data.from, To: parsed.data.to, Body: parsed.data.body, NumMedia: '0', NumSegments: '1',
    };
    fetch(parsed.data.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(token, parsed.data.url, params) },
      body: new URLSearchParams(params).toString(),
    })
      .then(async (answer) => res.json({ status: answer.status, body: await answer.text() }))
      .catch(next);
  });
  return router;
}
