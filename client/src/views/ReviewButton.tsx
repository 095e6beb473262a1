import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { leaveReviewHandOff, prefetchReview } from '../api/review';
import { useSession } from '../api/session';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button } from '../components/core';
import { Notice } from '../components/ui';
import { fullScreenUrl, openInProcore } from '../host/fullScreen';
import { useHostContext } from '../host/HostProvider';

// "Review certificate": full screen already, the review opens over the page; in the side panel
// (371 px, too narrow to read a certificate) it is left for the full-screen app and Procore is
// sent to that page, where the review opens.

export function ReviewButton({ companyId, requestId, onOpenHere }: { companyId: string; requestId: string; onOpenHere: () => void }) {
  const { surface, projectId } = useHostContext();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const paths = useSession(companyId, projectId).data?.fullScreenPaths;
  const url = surface === 'sidepanel' && paths ? fullScreenUrl(document.referrer, paths, companyId, projectId) : null;
  const client = useQueryClient();
  useEffect(() => {
    if (url !== null) return;
    // Opened here: the screen's code (pdf.js with its worker), the review and the file are fetched
    // while the manager reads the request, so the page paints soon after the click.
    import('./CertificateReview').catch(() => undefined); // a failed load shows when the screen opens
    prefetchReview(client, companyId, requestId).catch(() => undefined); // the screen shows any error itself
  }, [client, companyId, requestId, url]);
  const open = async () => {
    if (url === null) return onOpenHere();
    setPending(true);
    setError(null);
    try {
      await leaveReviewHandOff(companyId, requestId);
      openInProcore(url);
    } catch (caught) {
      setError(errorSentence(caught));
      setPending(false);
    }
  };
  return (
    <>
      <Button type="button" variant="secondary" loading={pending} onClick={() => void open()}>
        {url === null ? 'Review certificate' : 'Review certificate (opens full screen)'}
      </Button>
      {error !== null && <Notice tone="error">{error}</Notice>}
    </>
  );
}
