import { z } from 'zod';

// Shapes shared by every endpoint: success bodies are { data }, failures { error }.

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>['error'];

/** Error codes the panel turns into specific sentences or actions. */
export const errorCodes = {
  notSignedIn: 'not_signed_in',
  grantInvalid: 'procore_grant_invalid',
  appNotInstalled: 'app_not_installed',
  procoreForbidden: 'procore_forbidden',
  procoreBusy: 'procore_busy',
  procoreError: 'procore_error',
  notFound: 'not_found',
  invalidInput: 'invalid_input',
} as const;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** Procore ids are int64: they travel as decimal strings so no precision is lost. */
export const procoreId = z.string().regex(/^[1-9]\d{0,18}$/, 'must be a Procore id (digits)');
