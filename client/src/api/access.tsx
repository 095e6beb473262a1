import { createContext, useContext, type ReactNode } from 'react';
import type { Access, Action } from '../../../server/contracts/permissions';

// What the signed-in user may do here, as the session endpoint says (the server's permissions
// module decides; the panel only hides or disables what would be refused).

const AccessContext = createContext<Access | null>(null);

export function AccessProvider({ access, children }: { access: Access | null; children: ReactNode }) {
  return <AccessContext.Provider value={access}>{children}</AccessContext.Provider>;
}

/**
 * Whether the user may do this here. Without an answer from the server (component tests render
 * views alone) everything is shown and the server still decides.
 */
export function useCan(action: Action): boolean {
  const access = useContext(AccessContext);
  return access === null || access.actions.includes(action);
}

export function useAccess(): Access | null {
  return useContext(AccessContext);
}
