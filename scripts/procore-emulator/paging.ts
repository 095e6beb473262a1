import type { Request, Response } from 'express';
import { baseUrl } from './http';

// v1 pagination. Procore caps per_page per endpoint; a larger value is clamped (not rejected),
// and the effective size is echoed in Per-Page. Without per_page the page size is 100 (or the
// endpoint maximum when lower).

export const DEFAULT_MAX_PER_PAGE: Record<string, number> = {
  companies: 100,
  projects: 300,
  users: 300,
  vendors: 1000,
  project_vendors: 1000,
  commitments: 100,
  work_order_contracts: 100,
  purchase_order_contracts: 100,
  insurances: 100,
  permission_templates: 100,
  hooks: 100,
  triggers: 100,
  deliveries: 100,
  resources: 100,
};

export const DEFAULT_PER_PAGE = 100;

export type MaxPerPage = Partial<Record<string, number>>;

function positiveInt(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

function linkHeader(req: Request, page: number, lastPage: number, perPage: number): string {
  const url = new URL(req.originalUrl, baseUrl(req));
  const at = (p: number): string => {
    url.searchParams.set('page', String(p));
    url.searchParams.set('per_page', String(perPage));
    return url.toString();
  };
  const links = [`<${at(1)}>; rel="first"`];
  if (page > 1) links.push(`<${at(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${at(page + 1)}>; rel="next"`);
  links.push(`<${at(lastPage)}>; rel="last"`);
  return links.join(', ');
}

/** Slices `items` for the requested page and sets Total, Per-Page and Link. */
export function paginate<T>(req: Request, res: Response, items: T[], endpoint: string, overrides: MaxPerPage): T[] {
  const max = overrides[endpoint] ?? DEFAULT_MAX_PER_PAGE[endpoint] ?? DEFAULT_PER_PAGE;
  const query = req.query as Record<string, unknown>;
  const perPage = Math.min(positiveInt(query.per_page) ?? Math.min(DEFAULT_PER_PAGE, max), max);
  const page = positiveInt(query.page) ?? 1;
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  res.set('Total', String(items.length));
  res.set('Per-Page', String(perPage));
  res.set('Link', linkHeader(req, page, lastPage, perPage));
  return items.slice((page - 1) * perPage, page * perPage);
}
