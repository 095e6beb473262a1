import { z } from 'zod';
import { accessSchema } from './permissions';

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The signed-in user and, when the panel names a company (and project), what they may do there. */
export const sessionSchema = z.object({
  user: sessionUserSchema,
  access: accessSchema.nullable(),
  /** Procore's paths to the app's full-screen page ({company}, {project} to fill in), set per deployment. */
  fullScreenPaths: z.object({ company: z.string(), project: z.string() }),
});
export type Session = z.infer<typeof sessionSchema>;

/** What the sign-in popup posts to the panel (its opener) when Procore sign-in ends. */
export const authMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('authentication.success'), payload: z.object({ token: z.string().min(32) }) }),
  z.object({ type: z.literal('authentication.failure'), payload: z.object({ reason: z.string() }) }),
]);
export type AuthMessage = z.infer<typeof authMessageSchema>;

/** Header the panel sends its session token in (third-party cookies are often blocked in Procore's iframe). */
export const sessionHeader = 'authorization';
