import { createHmac, timingSafeEqual } from 'node:crypto';

// Twilio-style request signing: base64 of HMAC-SHA1, keyed by the account's auth token, over the
// full URL the provider called followed by every POST parameter's name and value, by name.

export function expectedSignature(authToken: string, url: string, params: Record<string, string>): string {
  const signed = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

export function signatureValid(authToken: string, url: string, params: Record<string, string>, given: string | undefined): boolean {
  if (!given) return false;
  const want = Buffer.from(expectedSignature(authToken, url, params));
  const got = Buffer.from(given);
  return want.length === got.length && timingSafeEqual(want, got);
}
