import { lazy, Suspense, useState } from 'react';
import { useProjectDirectory } from '../api/directory';
import { Loading } from '../components/Loading';
import { Tabs, type TabItem } from '../components/Tabs';
import { DirectoryPanel } from './DirectoryPanel';

// The commitments list is a second, rarer stop: it loads when its tab is first opened.
const CommitmentsTab = lazy(() => import('./CommitmentsTab'));

type ProjectTab = 'directory' | 'commitments';
const tabs: readonly TabItem<ProjectTab>[] = [
  { key: 'directory', label: 'Directory' },
  { key: 'commitments', label: 'Request for Commitments' },
];

export default function ProjectPanel({ companyId, projectId }: { companyId: string; projectId: string }) {
  const query = useProjectDirectory(companyId, projectId);
  const [tab, setTab] = useState<ProjectTab>('directory');
  return (
    <Tabs label="Project views" tabs={tabs} selected={tab} onSelect={setTab}>
      {tab === 'directory' ? (
        <DirectoryPanel query={query} loadingLabel="Loading the project directory…" scope={{ companyId, projectId }} />
      ) : (
        <Suspense fallback={<Loading label="Loading commitments…" />}>
          <CommitmentsTab companyId={companyId} projectId={projectId} />
        </Suspense>
      )}
    </Tabs>
  );
}
