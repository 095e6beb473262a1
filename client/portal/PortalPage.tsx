import { useCallback, useEffect, useState } from 'react';
import type { PortalInfo } from '../../server/contracts/portal';
import { loadPortal, PortalApiError } from './api';
import { formatSize } from './checks';
import { UploadForm } from './UploadForm';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; info: PortalInfo };

export function PortalPage({ token }: { token: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const reload = useCallback(() => {
    loadPortal(token).then(
      (info) => setState({ kind: 'ready', info }),
      (error: unknown) => setState({ kind: 'failed', message: error instanceof PortalApiError ? error.message : String(error) }),
    );
  }, [token]);
  useEffect(reload, [reload]);

  if (state.kind === 'loading') return <main className="portal"><p role="status">Loading…</p></main>;
  if (state.kind === 'failed') {
    return (
      <main className="portal">
        <h1>Send your certificate of insurance</h1>
        <p role="alert" className="notice">{state.message}</p>
      </main>
    );
  }
  const { info } = state;
  return (
    <main className="portal">
      <h1>Certificate of insurance for {info.gcName}</h1>
      <p>
        {info.gcName} needs a current certificate of insurance (ACORD 25) from <strong>{info.vendorName}</strong>{' '}
        {info.projectName ? <>for <strong>{info.projectName}</strong>.</> : <>for <strong>all projects</strong> (an annual certificate).</>}
      </p>
      <section aria-labelledby="needed">
        <h2 id="needed">The certificate should show</h2>
        <ul>{info.requirements.map((r) => <li key={r}>{r}</li>)}</ul>
      </section>
      {info.documents.length > 0 && (
        <section aria-labelledby="received">
          <h2 id="received">Already received</h2>
          <ul className="received">
            {info.documents.map((d) => (
              <li key={`${d.filename}-${d.createdAt}`}>
                {d.filename} <span className="muted">({formatSize(d.size)}, {new Date(d.createdAt).toLocaleDateString()})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <UploadForm token={token} info={info} onReceived={reload} />
    </main>
  );
}
