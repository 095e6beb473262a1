import { lazy, Suspense, useState } from 'react';
import { useProjectDirectory } from '../api/directory';
import { Button } from '../components/core';
import { useCan } from '../api/access';
import { Loading } from '../components/Loading';
import { Tabs, type TabItem } from '../components/Tabs';
import { DirectoryPanel } from './DirectoryPanel';

// The commitments list is a second, rarer stop: it loads when its tab is first opened.
const CommitmentsTab = lazy(() => import('./CommitmentsTab'));
const RequirementsEditor = lazy(() => import('./RequirementsEditor'));

type ProjectTab = 'directory' | 'commitments';
const tabs: readonly TabItem<ProjectTab>[] = [
  { key: 'directory', label: 'Directory' },
  { key: 'commitments', label: 'Request for Commitments' },
];

export default function ProjectPanel({ companyId, projectId }: { companyId: string; projectId: string }) {
  const query = useProjectDirectory(companyId, projectId);
  const [tab, setTab] = useState<ProjectTab>('directory');
  const [requirementsOpen, setRequirementsOpen] = useState(false);
  const requirements = useCan('requirements.edit') ? (
    <Button variant="secondary" onClick={() => setRequirementsOpen(true)}>
      Requirements
    </Button>
  ) : null;
  return (
    <>
      <Tabs label="Project views" tabs={tabs} selected={tab} onSelect={setTab}>
        {tab === 'directory' ? (
          <DirectoryPanel query={query} loadingLabel="Loading the project directory…" scope={{ companyId, projectId }} actions={requirements} />
        ) : (
          <Suspense fallback={<Loading label="Loading commitments…" />}>
            <CommitmentsTab companyId={companyId} projectId={projectId} />
          </Suspense>
        )}
      </Tabs>
      <Suspense fallback={null}>
        {requirementsOpen && <RequirementsEditor companyId={companyId} projectId={projectId} onClose={() => setRequirementsOpen(false)} />}
      </Suspense>
    </>
  );
}
