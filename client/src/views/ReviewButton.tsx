import { useState } from 'react';
import { leaveReviewHandOff } from '../api/review';
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
  const url = surface === 'sidepanel' ? fullScreenUrl(document.referrer, companyId, projectId) : null;
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
