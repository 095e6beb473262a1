import { z } from 'zod';

// The GC's own notifications (the daily digest) and the company's text messages to subs.

export const digestStateSchema = z.strictObject({ subscribed: z.boolean() });
export type DigestState = z.infer<typeof digestStateSchema>;

/** A mobile number in E.164: +, a country code not starting with 0, up to 15 digits in all. */
export const e164Schema = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{7,14}$/, 'must be a mobile number in international (E.164) form, such as +14155550123');

/** What the panel sees of the company's SMS settings: never the auth token, only whether one is kept. */
export const smsSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  accountSid: z.string().nullable(),
  fromNumber: z.string().nullable(),
  hasAuthToken: z.boolean(),
  /** The address to give the SMS provider for replies (STOP), with the company in it. */
  inboundUrl: z.string(),
});
export type SmsSettings = z.infer<typeof smsSettingsSchema>;

export const smsSettingsPatchSchema = z
  .strictObject({
    enabled: z.boolean(),
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) address, such as https://api.twilio.com' }).max(300),
    accountSid: z.string().trim().regex(/^[A-Za-z0-9]{8,64}$/, 'must be the account SID (letters and digits)'),
    authToken: z.string().min(8, 'must be the auth token (at least 8 characters)').max(200),
    fromNumber: e164Schema,
  })
  .partial();
export type SmsSettingsPatch = z.infer<typeof smsSettingsPatchSchema>;

/** The sub's mobile on one request (null removes it). */
export const requestMobileSchema = z.strictObject({ mobile: e164Schema.nullable() });
export type RequestMobile = z.infer<typeof requestMobileSchema>;
