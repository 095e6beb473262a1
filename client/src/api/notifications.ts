import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { digestStateSchema, requestMobileSchema, smsSettingsSchema, type SmsSettingsPatch } from '../../../server/contracts/notifications';
import { apiRequest } from './http';
import { requestKey } from './requests';

const digestPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}/digest`;
const digestKey = (companyId: string) => ['digest', companyId];

/** Whether the signed-in user gets the daily digest for this company. */
export function useDigest(companyId: string) {
  return useQuery({ queryKey: digestKey(companyId), queryFn: () => apiRequest(digestPath(companyId), digestStateSchema) });
}

export function useSetDigest(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subscribed: boolean) => apiRequest(digestPath(companyId), digestStateSchema, { method: 'PUT', body: { subscribed } }),
    onSuccess: (state) => client.setQueryData(digestKey(companyId), state),
  });
}

const smsPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}/settings/sms`;
const smsKey = (companyId: string) => ['sms-settings', companyId];

export function useSmsSettings(companyId: string) {
  return useQuery({ queryKey: smsKey(companyId), queryFn: () => apiRequest(smsPath(companyId), smsSettingsSchema) });
}

export function useSaveSmsSettings(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SmsSettingsPatch) => apiRequest(smsPath(companyId), smsSettingsSchema, { method: 'PATCH', body: patch }),
    onSuccess: (state) => client.setQueryData(smsKey(companyId), state),
  });
}

/** Sets (or with null removes) the sub's mobile on a request; the request is re-read afterwards. */
export function useSetRequestMobile(companyId: string, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mobile: string | null) =>
      apiRequest(`/api/companies/${encodeURIComponent(companyId)}/requests/${encodeURIComponent(requestId)}/mobile`, requestMobileSchema, { method: 'PUT', body: { mobile } }),
    onSuccess: () => client.invalidateQueries({ queryKey: requestKey(companyId, requestId) }),
  });
}
