import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { overviewSchema, payHoldsSchema, registerPageSchema, reviewQueueSchema, vendorHistorySchema, type RegisterFilter } from '../../../server/contracts/desk';
import { ApiRequestError, apiRequest } from './http';
import { getSessionToken } from './token';

// The compliance manager's desk: the overview, the register (a page at a time) and its exports.

export interface DeskScope {
  companyId: string;
  projectId: string | null;
}

const id = encodeURIComponent;
const scopePath = (scope: DeskScope) =>
  scope.projectId === null ? `/api/companies/${id(scope.companyId)}` : `/api/companies/${id(scope.companyId)}/projects/${id(scope.projectId)}`;

export const registerPageSize = 200;

export function useOverview(scope: DeskScope) {
  return useQuery({
    queryKey: ['overview', scope.companyId, scope.projectId],
    queryFn: () => apiRequest(`${scopePath(scope)}/overview`, overviewSchema),
    refetchInterval: 60_000,
  });
}

export function useReviewQueue(scope: DeskScope, enabled: boolean) {
  return useQuery({
    queryKey: ['review-queue', scope.companyId, scope.projectId],
    queryFn: () => apiRequest(`${scopePath(scope)}/review-queue`, reviewQueueSchema),
    enabled,
  });
}

/** The filter as query parameters; defaults are left out so links stay short. */
export function filterParams(filter: Partial<RegisterFilter>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (key === 'sort' && value === 'vendor') || (key === 'direction' && value === 'asc')) continue;
    params.set(key, String(value));
  }
  return params;
}

export function useRegister(scope: DeskScope, filter: Partial<RegisterFilter>) {
  const params = filterParams(filter).toString();
  return useInfiniteQuery({
    queryKey: ['register', scope.companyId, scope.projectId, params],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(params);
      page.set('offset', String(pageParam));
      page.set('limit', String(registerPageSize));
      return apiRequest(`${scopePath(scope)}/register?${page.toString()}`, registerPageSchema);
    },
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
}

/** Downloads a file with the session header (never a cookie) and hands it to the browser. */
async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = getSessionToken();
  const response = await fetch(path, { headers: token === null ? {} : { Authorization: `Bearer ${token}` }, credentials: 'omit' });
  if (!response.ok) throw new ApiRequestError({ status: response.status, code: 'http_error', message: `The export could not be made (HTTP ${response.status}).` });
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The register with the current filter as CSV or Excel. */
export function downloadRegister(scope: DeskScope, filter: Partial<RegisterFilter>, ext: 'csv' | 'xlsx'): Promise<void> {
  return downloadFile(`${scopePath(scope)}/register.${ext}?${filterParams(filter).toString()}`, `coi-register.${ext}`);
}

export function usePayHolds(companyId: string, projectId: string) {
  return useQuery({
    queryKey: ['pay-app-holds', companyId, projectId],
    queryFn: () => apiRequest(`/api/companies/${id(companyId)}/projects/${id(projectId)}/pay-app-holds`, payHoldsSchema),
  });
}

/** The holds as a CSV file. */
export async function downloadPayHolds(companyId: string, projectId: string): Promise<void> {
  await downloadFile(`/api/companies/${id(companyId)}/projects/${id(projectId)}/pay-app-holds.csv`, 'pay-app-holds.csv');
}

export function useVendorHistory(companyId: string, vendorId: string) {
  return useQuery({
    queryKey: ['vendor-history', companyId, vendorId],
    queryFn: () => apiRequest(`/api/companies/${id(companyId)}/vendors/${id(vendorId)}/history`, vendorHistorySchema),
  });
}

/** The printable PDF report of one project. */
export function downloadProjectReport(companyId: string, projectId: string): Promise<void> {
  return downloadFile(`/api/companies/${id(companyId)}/projects/${id(projectId)}/report.pdf`, 'coi-report.pdf');
}
