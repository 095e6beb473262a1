import { lazy, Suspense, useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import styled, { createGlobalStyle } from 'styled-components';
import { errorCodes } from '../../../server/contracts/api';
import type { Session } from '../../../server/contracts/session';
import { roleLabels, type Access } from '../../../server/contracts/permissions';
import { AccessProvider } from '../api/access';
import { isApiError } from '../api/http';
import { createQueryClient } from '../api/queryClient';
import { getSignOutCause } from '../api/token';
import { useResetQueriesOnTokenChange, useSession, useSignOut } from '../api/session';
import { Button, colors, spacing } from '../components/core';
import { Loading } from '../components/Loading';
import { QueryState } from '../components/QueryState';
import { Notice, ScreenTitle } from '../components/ui';
import type { HostContext } from '../host/context';
import { HostProvider, useHostContext } from '../host/HostProvider';
import { ConnectPanel } from './ConnectPanel';

// The directory views carry react-window and the table; the first paint (often "Connect") does not need them.
const ProjectPanel = lazy(() => import('./ProjectPanel'));
const CompanyPanel = lazy(() => import('./CompanyPanel'));

const GlobalStyle = createGlobalStyle`
  html, body, #root { height: 100%; margin: 0; }
  body { font-family: 'Inter', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif; background: ${colors.white}; }
`;

const Shell = styled.main<{ $compact: boolean }>`
  display: flex;
  flex-direction: column;
  gap: ${spacing.md}px;
  height: 100%;
  box-sizing: border-box;
  padding: ${({ $compact }) => ($compact ? spacing.md : spacing.xl)}px;
`;

const Header = styled.header`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${spacing.sm}px;
  font-size: 12px;
  color: ${colors.gray45};
  border-bottom: 1px solid ${colors.gray90};
  padding-bottom: ${spacing.sm}px;
`;

const signedOutCodes: ReadonlySet<string> = new Set([errorCodes.notSignedIn, errorCodes.grantInvalid]);

function SessionHeader({ session }: { session: Session }) {
  const signOut = useSignOut();
  return (
    <Header>
      <span>
        <strong style={{ color: colors.gray15 }}>COI Compliance</strong> · Signed in as {session.user.name}
        {session.access && session.access.role !== 'no_access' && ` · ${roleLabels[session.access.role]}`}
      </span>
      <Button variant="tertiary" size="sm" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </Button>
    </Header>
  );
}

function Directory() {
  const { companyId, projectId, view, recordId } = useHostContext();
  // On a commitment's page the panel opens with that commitment's pay-app hold.
  const commitmentId = view?.startsWith('commitments.') && recordId ? recordId : null;
  if (companyId === null) {
    return (
      <>
        <ScreenTitle>COI Compliance</ScreenTitle>
        <Notice tone="error">Open COI Compliance from Procore: this address does not say which company to show.</Notice>
      </>
    );
  }
  return (
    <Suspense fallback={<Loading label="Loading…" />}>
      {projectId === null ? <CompanyPanel companyId={companyId} /> : <ProjectPanel companyId={companyId} projectId={projectId} commitmentId={commitmentId} />}
    </Suspense>
  );
}

/** No role here, or not on this project in Procore: a plain sentence naming who to ask. */
function NoAccess({ access }: { access: Access }) {
  const text =
    access.role === 'no_access'
      ? `You have no access to COI Compliance in this company. ${access.askWho}`
      : "You are not on this project in Procore, so COI Compliance shows nothing here. Ask the project's admin in Procore to add you to the project directory.";
  return (
    <>
      <ScreenTitle>COI Compliance: no access here</ScreenTitle>
      <Notice tone="info" title="No access here">
        {text}
      </Notice>
    </>
  );
}

function SignedIn() {
  const { companyId, projectId } = useHostContext();
  const session = useSession(companyId, projectId);
  useResetQueriesOnTokenChange();
  if (session.isError && isApiError(session.error) && signedOutCodes.has(session.error.code)) {
    const revoked = session.error.code === errorCodes.grantInvalid || getSignOutCause() === errorCodes.grantInvalid;
    return <ConnectPanel reason={revoked ? 'Procore no longer accepts this app’s access for your account. Connect again to continue.' : undefined} />;
  }
  return (
    <QueryState query={session} loadingLabel="Checking your Procore sign-in…">
      {(data) => (
        <AccessProvider access={data.access}>
          <SessionHeader session={data} />
          {data.access && (data.access.role === 'no_access' || !data.access.onProject) ? <NoAccess access={data.access} /> : <Directory />}
        </AccessProvider>
      )}
    </QueryState>
  );
}

function Surface() {
  const { surface } = useHostContext();
  return (
    <Shell $compact={surface === 'sidepanel'}>
      <SignedIn />
    </Shell>
  );
}

interface AppProps {
  /** Tests inject both; in the browser they come from the URL and a fresh client. */
  host?: HostContext;
  queryClient?: QueryClient;
}

export function App({ host, queryClient }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <HostProvider initial={host}>
        <GlobalStyle />
        <Surface />
      </HostProvider>
    </QueryClientProvider>
  );
}
