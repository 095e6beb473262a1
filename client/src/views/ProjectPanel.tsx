import { useProjectDirectory } from '../api/directory';
import { DirectoryPanel } from './DirectoryPanel';

export default function ProjectPanel({ companyId, projectId }: { companyId: string; projectId: string }) {
  const query = useProjectDirectory(companyId, projectId);
  return <DirectoryPanel query={query} loadingLabel="Loading the project directory…" />;
}
