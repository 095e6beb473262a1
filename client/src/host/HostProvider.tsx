import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { focusManager } from '@tanstack/react-query';
import { readUrlContext, type HostContext } from './context';
import { startHandshake, type PanelSetup } from './sidePanel';

const HostContextValue = createContext<HostContext | null>(null);

function mergeSetup(base: HostContext, setup: PanelSetup | null): HostContext {
  if (setup === null) return base;
  // Procore's setup message is the fresher source; the URL fills in what it leaves out.
  return {
    ...base,
    companyId: setup.companyId ?? base.companyId,
    projectId: setup.projectId ?? base.projectId,
    view: setup.view ?? base.view,
    recordId: setup.recordId ?? base.recordId ?? null,
  };
}

interface HostProviderProps {
  children: ReactNode;
  /** Tests pass a fixed context; in the browser it comes from the URL and Procore's messages. */
  initial?: HostContext;
}

export function HostProvider({ children, initial }: HostProviderProps) {
  const base = useMemo(() => initial ?? readUrlContext(window.location), [initial]);
  const [setup, setSetup] = useState<PanelSetup | null>(null);

  useEffect(
    () =>
      startHandshake(window, document.referrer, {
        onSetup: setSetup,
        // A hidden side panel behaves like an unfocused window: no refetching until it is shown again.
        onVisibility: (visibility) => focusManager.setFocused(visibility === 'visible'),
      }),
    [],
  );

  const value = useMemo(() => mergeSetup(base, setup), [base, setup]);
  return <HostContextValue.Provider value={value}>{children}</HostContextValue.Provider>;
}

export function useHostContext(): HostContext {
  const value = useContext(HostContextValue);
  if (value === null) throw new Error('useHostContext must be used inside HostProvider');
  return value;
}
