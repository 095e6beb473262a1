import { useEffect, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { sessionSchema } from '../../../server/contracts/session';
import { apiRequest } from './http';
import { getSessionToken, setSessionToken, subscribeToSessionToken } from './token';

export const sessionQueryKey = ['session'] as const;

export function fetchSession() {
  return apiRequest('/api/session', sessionSchema);
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession });
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
  return useMutation({
    mutationFn: () => apiRequest('/api/session/sign-out', z.object({ signedOut: z.literal(true) }), { method: 'POST' }),
    // The panel forgets the token even if the server could not be reached: signing out must work.
    onSettled: () => setSessionToken(null),
  });
}
