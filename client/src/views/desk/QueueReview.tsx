import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useReviewQueue, type DeskScope } from '../../api/desk';
import { prefetchReview } from '../../api/review';
import CertificateReview from '../CertificateReview';

// The review screen walking the review queue, oldest first: Previous and Next (Alt+← and Alt+→)
// move between certificates waiting for a person. The queue is read once when the screen opens,
// so certificates finished meanwhile stay in reach until it is closed. The certificates before and
// after the one shown are fetched while it is read, so Next paints from what is already here.

export default function QueueReview({ scope, start, onClose }: { scope: DeskScope; start: string; onClose: () => void }) {
  const queue = useReviewQueue(scope, true);
  const [current, setCurrent] = useState(start);
  const ids = queue.data?.items.map((i) => i.requestId) ?? [];
  const index = ids.indexOf(current);
  const client = useQueryClient();
  const before = ids[index - 1];
  const after = index < 0 ? undefined : ids[index + 1];
  useEffect(() => {
    // After the shown certificate's own review and file (shared with its screen's queries), so
    // the neighbours never hold up its first paint.
    const neighbours = () => {
      for (const n of [after, before]) if (n !== undefined) prefetchReview(client, scope.companyId, n).catch(() => undefined); // shown when opened
    };
    prefetchReview(client, scope.companyId, current).then(neighbours, neighbours);
  }, [client, scope.companyId, current, before, after]);
  const go = (offset: number) => {
    const next = ids[index + offset];
    if (next !== undefined) setCurrent(next);
  };
  return (
    <CertificateReview
      key={current}
      companyId={scope.companyId}
      requestId={current}
      onClose={onClose}
      navigation={
        index < 0
          ? undefined
          : {
              position: `${index + 1} of ${ids.length} in the review queue`,
              onPrevious: index > 0 ? () => go(-1) : undefined,
              onNext: index < ids.length - 1 ? () => go(1) : undefined,
            }
      }
    />
  );
}
