import { useState } from 'react';
import { useReviewQueue, type DeskScope } from '../../api/desk';
import CertificateReview from '../CertificateReview';

// The review screen walking the review queue, oldest first: Previous and Next (Alt+← and Alt+→)
// move between certificates waiting for a person. The queue is read once when the screen opens,
// so certificates finished meanwhile stay in reach until it is closed.

export default function QueueReview({ scope, start, onClose }: { scope: DeskScope; start: string; onClose: () => void }) {
  const queue = useReviewQueue(scope, true);
  const [current, setCurrent] = useState(start);
  const ids = queue.data?.items.map((i) => i.requestId) ?? [];
  const index = ids.indexOf(current);
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
