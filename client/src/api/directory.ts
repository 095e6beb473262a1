import { useQuery } from '@tanstack/react-query';
import { directorySchema } from '../../../server/contracts/directory';
import { apiRequest } from './http';

export function useCompanyDirectory(companyId: string) {
  return useQuery({
    queryKey: ['directory', companyId],
    queryFn: () => apiRequest(`/api/companies/${encodeURIComponent(companyId)}/vendors`, directorySchema),
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
  });
}
