import { useConnectProcoreGrant, useProcoreGrant } from '../api/settings';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button } from '../components/core';
import { formatDateTime } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Notice } from '../components/ui';
import { SettingsSection } from './settings-parts';

// Settings: the grant background work (Procore write-back, nightly sync, webhook follow-ups) uses.
// A company admin connects the app's service account once; everyone sees which grant is in use
// and when it last worked. The server lets only company admins connect it.

export function ProcoreGrantSection({ companyId }: { companyId: string }) {
  const query = useProcoreGrant(companyId);
  const connect = useConnectProcoreGrant(companyId);
  return (
    <SettingsSection aria-labelledby="procore-grant-title">
      <h3 id="procore-grant-title">Procore connection for background work</h3>
      <QueryState query={query} loadingLabel="Loading the Procore connection…">
        {({ grant, waitingWrites }) => (
          <>
            {grant ? (
              <p>
                {grant.label}, connected by {grant.connectedBy} on {formatDateTime(grant.connectedAt)}.{' '}
                {grant.lastOkAt ? `Last worked ${formatDateTime(grant.lastOkAt)}.` : 'Not used yet.'}
              </p>
            ) : (
              <p>Not connected: Procore is not updated until a company admin connects the app’s service account.</p>
            )}
            {grant?.lastError && grant.lastErrorAt && (!grant.lastOkAt || grant.lastErrorAt > grant.lastOkAt) && (
              <Notice tone="error">Procore not updated: reconnect. {grant.lastError}</Notice>
            )}
            {waitingWrites > 0 && <Notice tone="attention">{waitingWrites} Procore update(s) wait for a working connection.</Notice>}
            {connect.isError && <Notice tone="error">{errorSentence(connect.error)}</Notice>}
            <div>
              <Button type="button" variant="secondary" loading={connect.isPending} onClick={() => connect.mutate()}>
                {grant ? 'Reconnect the service account' : 'Connect the service account'}
              </Button>
            </div>
          </>
        )}
      </QueryState>
    </SettingsSection>
  );
}
