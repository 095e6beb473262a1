import { useCompanyDirectory } from '../api/directory';
import { DirectoryPanel } from './DirectoryPanel';

export default function CompanyPanel({ companyId }: { companyId: string }) {
  const query = useCompanyDirectory(companyId);
  return <DirectoryPanel query={query} loadingLabel="Loading the company directory…" />;
}
