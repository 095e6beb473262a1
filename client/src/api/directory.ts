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

export function useCompanyDirectory(companyId: string) {
  return useQuery({
    queryKey: ['directory', companyId],
    queryFn: () => apiRequest(`/api/companies/${encodeURIComponent(companyId)}/vendors`, directorySchema),
    refetchInterval: (query) => refetchWhileActive(query.state.data),
  });
}

export function useProjectDirectory(companyId: string, projectId: string) {
  return useQuery({
    queryKey: ['directory', companyId, projectId],
    queryFn: () =>
      apiRequest(
        `/api/companies/${encodeURIComponent(companyId)}/projects/${encodeURIComponent(projectId)}/vendors`,
        directorySchema,
      ),
    refetchInterval: (query) => refetchWhileActive(query.state.data),
  });
}
