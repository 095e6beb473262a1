import { usePayHolds } from '../../api/desk';
import { Notice } from '../../components/ui';
import { holdAge } from './PayHolds';

// On a commitment's page: whether to hold its pay applications, said first, in one sentence.

export default function CommitmentHold({ companyId, projectId, commitmentId }: { companyId: string; projectId: string; commitmentId: string }) {
  const query = usePayHolds(companyId, projectId);
  if (!query.data) return null;
  const hold = query.data.holds.find((h) => h.commitmentId === commitmentId);
  if (!hold) {
    return <Notice tone="info">{`No pay-app hold for commitment ${commitmentId}: its vendor is compliant today, or it has no vendor.`}</Notice>;
  }
  return (
    <Notice tone="attention" title={`Hold pay applications for ${hold.number ?? `commitment ${hold.commitmentId}`}`}>
      {`${hold.vendorName} is not compliant today ${holdAge(hold.since)}: ${hold.reason}`}
    </Notice>
  );
}
