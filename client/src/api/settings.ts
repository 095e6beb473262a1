import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { automaticProblemsSchema, companySettingsSchema, procoreGrantStateSchema, type CompanySettings } from '../../../server/contracts/requests';
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

/** Automatic requests (webhook events) that did not happen, with the reason. */
export function useAutomaticProblems(companyId: string) {
  return useQuery({
    queryKey: ['automatic-problems', companyId],
    queryFn: () => apiRequest(`${settingsPath(companyId)}/automatic-requests`, automaticProblemsSchema),
  });
}

const grantPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}/settings/procore-grant`;
const grantKey = (companyId: string) => ['procore-grant', companyId];

/** The grant background work uses in this company, and how many Procore updates wait for one. */
export function useProcoreGrant(companyId: string) {
  return useQuery({ queryKey: grantKey(companyId), queryFn: () => apiRequest(grantPath(companyId), procoreGrantStateSchema) });
}

export function useConnectProcoreGrant(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(grantPath(companyId), procoreGrantStateSchema, { method: 'PUT', body: { kind: 'dmsa' } }),
    onSuccess: (state) => client.setQueryData(grantKey(companyId), state),
  });
}
