import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { companySettingsSchema, type CompanySettings } from '../../../server/contracts/requests';
import { apiRequest } from './http';

const settingsPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}/settings`;
const settingsKey = (companyId: string) => ['settings', companyId];

export function useCompanySettings(companyId: string) {
  return useQuery({
    queryKey: settingsKey(companyId),
    queryFn: () => apiRequest(settingsPath(companyId), companySettingsSchema),
  });
}

export function useSaveSettings(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<CompanySettings>) => apiRequest(settingsPath(companyId), companySettingsSchema, { method: 'PATCH', body: patch }),
    onSuccess: (settings) => client.setQueryData(settingsKey(companyId), settings),
  });
}
