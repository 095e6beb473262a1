import { lazy, Suspense, useState } from 'react';
import { useCompanyDirectory } from '../api/directory';
import { Button } from '../components/core';
import { useCan } from '../api/access';
import { DirectoryPanel } from './DirectoryPanel';
import { DeskTabs } from './desk/DeskTabs';
import { DigestToggle } from './DigestToggle';

const SettingsDialog = lazy(() => import('./SettingsDialog'));
const RequirementsEditor = lazy(() => import('./RequirementsEditor'));
const UsersAndRoles = lazy(() => import('./UsersAndRoles'));

/** The company home: the company directory, where requests are global (annual), the default requirements and the settings. */
export default function CompanyPanel({ companyId }: { companyId: string }) {
  const query = useCompanyDirectory(companyId);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [requirementsOpen, setRequirementsOpen] = useState(false);
  const [rolesOpen, setRolesOpen] = useState(false);
  // Forms only for those who may save them (the server decides; the session says what it allows).
  const canEditRequirements = useCan('requirements.edit');
  const canEditSettings = useCan('settings.edit');
  const canManageRoles = useCan('roles.manage');
  const canRead = useCan('requests.view');
  const settings = (
    <>
      {canRead && <DigestToggle companyId={companyId} />}
      {canManageRoles && (
        <Button variant="secondary" onClick={() => setRolesOpen(true)}>
          Users and roles
        </Button>
      )}
      {canEditRequirements && (
        <Button variant="secondary" onClick={() => setRequirementsOpen(true)}>
          Requirements
        </Button>
      )}
      {canEditSettings && (
        <Button variant="secondary" onClick={() => setSettingsOpen(true)}>
          Settings
        </Button>
      )}
    </>
  );
  return (
    <>
      <DeskTabs
        label="Company views"
        scope={{ companyId, projectId: null }}
        directory={<DirectoryPanel query={query} loadingLabel="Loading the company directory…" scope={{ companyId, projectId: null }} actions={settings} />}
      />
      <Suspense fallback={null}>
        {settingsOpen && <SettingsDialog companyId={companyId} onClose={() => setSettingsOpen(false)} />}
        {requirementsOpen && <RequirementsEditor companyId={companyId} projectId={null} onClose={() => setRequirementsOpen(false)} />}
        {rolesOpen && <UsersAndRoles companyId={companyId} onClose={() => setRolesOpen(false)} />}
      </Suspense>
    </>
  );
}
