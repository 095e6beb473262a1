import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ValidationError } from './errors';

// Thin-handler helpers (design.md 7.1): validate with zod, call one service, return { data }.

export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = details[0];
    throw new ValidationError(`Invalid ${what}${first ? `: ${first.path ? `${first.path} ` : ''}${first.message}` : ''}.`, details);
  }
  return parsed.data;
}

export function handle(fn: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).then((data) => {
      if (!res.headersSent) res.json({ data });
    }, next);
  };
}
