import { lazy, Suspense, useState } from 'react';
import { useProjectDirectory } from '../api/directory';
import { Button } from '../components/core';
import { useCan } from '../api/access';
import { Loading } from '../components/Loading';
import { DirectoryPanel } from './DirectoryPanel';
import { DeskTabs } from './desk/DeskTabs';

// The commitments list is a second, rarer stop: it loads when its tab is first opened.
const CommitmentsTab = lazy(() => import('./CommitmentsTab'));
const RequirementsEditor = lazy(() => import('./RequirementsEditor'));
const PayHolds = lazy(() => import('./desk/PayHolds'));
const CommitmentHold = lazy(() => import('./desk/CommitmentHold'));

export default function ProjectPanel({ companyId, projectId, commitmentId = null }: { companyId: string; projectId: string; commitmentId?: string | null }) {
  const query = useProjectDirectory(companyId, projectId);
  const [requirementsOpen, setRequirementsOpen] = useState(false);
  const requirements = useCan('requirements.edit') ? (
    <Button variant="secondary" onClick={() => setRequirementsOpen(true)}>
      Requirements
    </Button>
  ) : null;
  return (
    <>
      {commitmentId !== null && (
        <Suspense fallback={null}>
          <CommitmentHold companyId={companyId} projectId={projectId} commitmentId={commitmentId} />
        </Suspense>
      )}
      <DeskTabs
        label="Project views"
        scope={{ companyId, projectId }}
        directory={<DirectoryPanel query={query} loadingLabel="Loading the project directory…" scope={{ companyId, projectId }} actions={requirements} />}
        extra={[
          {
            key: 'commitments',
            label: 'Request for Commitments',
            render: () => (
              <Suspense fallback={<Loading label="Loading commitments…" />}>
                <CommitmentsTab companyId={companyId} projectId={projectId} />
              </Suspense>
            ),
          },
          {
            key: 'holds',
            label: 'Pay-app holds',
            render: () => (
              <Suspense fallback={<Loading label="Loading pay-app holds…" />}>
                <PayHolds companyId={companyId} projectId={projectId} />
              </Suspense>
            ),
          },
        ]}
      />
      <Suspense fallback={null}>
        {requirementsOpen && <RequirementsEditor companyId={companyId} projectId={projectId} onClose={() => setRequirementsOpen(false)} />}
      </Suspense>
    </>
  );
}
