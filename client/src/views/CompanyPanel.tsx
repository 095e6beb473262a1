import { lazy, Suspense, useState } from 'react';
import { useCompanyDirectory } from '../api/directory';
import { Button } from '../components/core';
import { DirectoryPanel } from './DirectoryPanel';

const SettingsDialog = lazy(() => import('./SettingsDialog'));

/** The company home: the company directory, where requests are global (annual), and the settings. */
export default function CompanyPanel({ companyId }: { companyId: string }) {
  const query = useCompanyDirectory(companyId);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settings = (
    <Button variant="secondary" onClick={() => setSettingsOpen(true)}>
      Settings
    </Button>
  );
  return (
    <>
      <DirectoryPanel query={query} loadingLabel="Loading the company directory…" scope={{ companyId, projectId: null }} actions={settings} />
      <Suspense fallback={null}>{settingsOpen && <SettingsDialog companyId={companyId} onClose={() => setSettingsOpen(false)} />}</Suspense>
    </>
  );
}
