import { z } from 'zod';
import type { SmsAccount } from './settings';

// A Twilio-compatible Messages API: POST {base}/2010-04-01/Accounts/{sid}/Messages.json,
// HTTP Basic (SID:token), form-encoded To, From, Body; 201 with the message's sid. A 429 or a
// 5xx (or no answer) is worth retrying; another refusal is not.

export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const createdSchema = z.looseObject({ sid: z.string().min(1) });
const refusalSchema = z.looseObject({ message: z.string().optional(), code: z.union([z.number(), z.string()]).optional() });

export async function postMessage(account: SmsAccount, to: string, body: string): Promise<string> {
  const url = `${account.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: to, From: account.fromNumber, Body: body }).toString(),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new SmsSendError(`The SMS provider did not answer: ${(err as Error).message}`, true);
  }
  const payload: unknown = await res.json().catch(() => null);
  if (res.status === 201 || res.status === 200) {
    const created = createdSchema.safeParse(payload);
    if (created.success) return created.data.sid;
    throw new SmsSendError('The SMS provider accepted the message but named no message id.', false);
  }
  const refusal = refusalSchema.safeParse(payload);
  const said = refusal.success && refusal.data.message ? `: ${refusal.data.message}` : '';
  throw new SmsSendError(`The SMS provider answered ${res.status}${said}`, res.status === 429 || res.status >= 500);
}
