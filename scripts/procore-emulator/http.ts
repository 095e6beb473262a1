import type { Request, Response } from 'express';
import type { AccessToken, User } from './types';

// Shared request helpers. Procore's v1 error bodies are not uniform; the emulator always sends
// `{errors, message}` so clients that read either field find the text.

export function sendError(res: Response, status: number, message: string, fieldErrors?: Record<string, string[]>): void {
  res.status(status).json({ errors: fieldErrors ?? message, message });
}

/** A positive integer from a path/query/body value, or null. */
export function toId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

export function param(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
}

export function queryString(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** `filters[name]` (Procore's convention) with a fallback to a bare `name` query parameter. */
export function filterValue(req: Request, name: string): unknown {
  const query = req.query as Record<string, unknown>;
  const filters = query.filters;
  if (filters && typeof filters === 'object' && name in filters) return (filters as Record<string, unknown>)[name];
  return query[name];
}

/** Procore's `filters[updated_at]=a...b` (ISO times, either end may be empty); no filter lets everything through. */
export function updatedInRange(req: Request, stamp: string): boolean {
  const range = filterValue(req, 'updated_at');
  if (typeof range !== 'string' || !range.includes('...')) return true;
  const [from, to] = range.split('...');
  const t = Date.parse(stamp);
  return (!from || t >= Date.parse(from)) && (!to || t <= Date.parse(to));
}

export function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export interface RestContext {
  token: AccessToken;
  user: User;
  /** Value of the Procore-Company-Id header (null on the two exempt endpoints). */
  companyId: number | null;
}

export function restContext(res: Response): RestContext {
  return res.locals.rest as RestContext;
}

export function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
