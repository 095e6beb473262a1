import { useQuery } from '@tanstack/react-query';
import { directorySchema, type Directory } from '../../../server/contracts/directory';
import { apiRequest } from './http';

// Statuses change without the user doing anything: a sub uploads (Pending → Under review), the
// reader and checker finish within seconds. Poll so the panel shows it without a reload: often
// while something is being read, gently while subs are still being waited on (first or new certificate).
export function refetchWhileActive(directory: Directory | undefined): number | false {
  if (directory?.vendors.some((v) => v.status === 'under_review')) return 5_000;
  if (directory?.vendors.some((v) => v.status === 'pending' || v.status === 'awaiting_new_coi')) return 20_000;
  return false;
}

function directoryQuery(companyId: string, projectId: string | null) {
  const base = `/api/companies/${encodeURIComponent(companyId)}`;
  return {
    queryKey: projectId === null ? ['directory', companyId] : ['directory', companyId, projectId],
    queryFn: () => apiRequest(projectId === null ? `${base}/vendors` : `${base}/projects/${encodeURIComponent(projectId)}/vendors`, directorySchema),
    refetchInterval: (query: { state: { data: Directory | undefined } }) => refetchWhileActive(query.state.data),
  };
}

export function useCompanyDirectory(companyId: string) {
  return useQuery(directoryQuery(companyId, null));
}

export function useProjectDirectory(companyId: string, projectId: string) {
  return useQuery(directoryQuery(companyId, projectId));
}

/** The trades of a directory's vendors, sorted (the register's trade filter offers them). */
export function useDirectoryTrades(companyId: string, projectId: string | null): string[] {
  const query = useQuery({
    ...directoryQuery(companyId, projectId),
    select: (d: Directory) => [...new Set(d.vendors.flatMap((v) => (v.trade ? [v.trade] : [])))].sort((a, b) => a.localeCompare(b)),
  });
  return query.data ?? [];
}
