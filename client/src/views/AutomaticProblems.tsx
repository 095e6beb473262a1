import { useAutomaticProblems } from '../api/settings';
import { formatDateTime } from '../components/format';
import { Notice } from '../components/ui';

// Settings: automatic requests that did not happen (a vendor without an email address, a vendor
// gone from the directory), so a person can act instead of the request silently not happening.

export function AutomaticProblems({ companyId }: { companyId: string }) {
  const query = useAutomaticProblems(companyId);
  const problems = query.data?.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <Notice tone="attention" title="Automatic requests that need a person">
      <ul aria-label="Automatic requests that need a person" style={{ margin: 0, paddingLeft: 18 }}>
        {problems.map((p) => (
          <li key={`${p.at}:${p.message}`}>
            {formatDateTime(p.at)}
            {p.projectName ? `, ${p.projectName}` : ''}: {p.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
