import { z } from 'zod';
import type { Services } from '../services';
import { ForbiddenError } from '../errors';
import { smsAccount } from './settings';
import { signatureValid } from './signature';
import { setOptedOut } from './opt-outs';

// Replies to our texts, as the provider posts them: only a correctly signed post counts (the
// company's auth token), and only the opt-out words matter. STOP and its kin opt the number out
// of this company's texts; START or UNSTOP opts it back in. Anything else is left alone.

const stopWords = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const startWords = new Set(['START', 'UNSTOP']);
const replySchema = z.looseObject({ From: z.string().trim().min(1).max(32), To: z.string().trim().max(32).optional(), Body: z.string().max(2000).default('') });

export type InboundOutcome = 'opted_out' | 'opted_in' | 'ignored';

export async function handleInbound(s: Services, companyId: string, url: string, params: Record<string, string>, signature: string | undefined): Promise<InboundOutcome> {
  const account = await smsAccount(s.db, s.sealer, companyId, false);
  if (!account || !signatureValid(account.authToken, url, params, signature)) {
    throw new ForbiddenError('The text message post is not signed with this company’s SMS account.');
  }
  const reply = replySchema.safeParse(params);
  if (!reply.success) return 'ignored';
  const word = reply.data.Body.trim().toUpperCase();
  const phone = reply.data.From;
  if (stopWords.has(word)) {
    await setOptedOut(s.db, companyId, phone, true);
    return 'opted_out';
  }
  if (startWords.has(word)) {
    await setOptedOut(s.db, companyId, phone, false);
    return 'opted_in';
  }
  return 'ignored';
}
