import { useEffect, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { sessionSchema } from '../../../server/contracts/session';
import { apiRequest } from './http';
import { getSessionToken, setSessionToken, subscribeToSessionToken } from './token';

export const sessionQueryKey = ['session'] as const;

/** The session, with what the user may do in this company (and project) when the panel names one. */
export function sessionPath(companyId: string | null, projectId: string | null): string {
  const query = new URLSearchParams();
  if (companyId !== null) query.set('companyId', companyId);
  if (companyId !== null && projectId !== null) query.set('projectId', projectId);
  const text = query.toString();
  return text ? `/api/session?${text}` : '/api/session';
}

export function fetchSession(companyId: string | null = null, projectId: string | null = null) {
  return apiRequest(sessionPath(companyId, projectId), sessionSchema);
}

export function useSession(companyId: string | null = null, projectId: string | null = null) {
  return useQuery({ queryKey: [...sessionQueryKey, companyId, projectId], queryFn: () => fetchSession(companyId, projectId) });
}

export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeToSessionToken, getSessionToken);
}

/** Every cached answer belongs to one signed-in user: when the token changes, start over. */
export function useResetQueriesOnTokenChange(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeToSessionToken(() => {
        void queryClient.resetQueries();
      }),
    [queryClient],
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/session/sign-out', z.object({ signedOut: z.literal(true) }), { method: 'POST' }),
    // The panel forgets the token even if the server could not be reached: signing out must work.
    // A panel signed in by the cookie alone holds no token: start over in any case.
    onSettled: () => {
      setSessionToken(null);
      void queryClient.resetQueries();
    },
  });
}
