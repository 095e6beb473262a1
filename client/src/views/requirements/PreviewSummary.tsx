import type { RequirementsPreview } from '../../../../server/contracts/requirements-api';
import { Notice } from '../../components/ui';
import { outcomeLabels } from './model';

// What saving would do to current vendors, shown before the set is saved so a manager sees
// e.g. that raising a limit sends twelve compliant vendors back to "Awaiting New COI".

const vendors = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'vendor' : 'vendors'}`;

export function previewSentence(preview: RequirementsPreview): string {
  const { changed, total, transitions } = preview.summary;
  if (changed === 0) return `No vendor would change status (${vendors(total)} checked).`;
  const moves = transitions.map((t) => `${t.count.toLocaleString('en-US')} ${outcomeLabels[t.from]} → ${outcomeLabels[t.to]}`);
  return `${vendors(changed)} would change status: ${moves.join(', ')}.`;
}

export function PreviewSummary({ preview }: { preview: RequirementsPreview }) {
  const names = preview.changes.slice(0, 10);
  return (
    <Notice tone={preview.summary.changed > 0 ? 'attention' : 'info'} title="Preview">
      {previewSentence(preview)}
      {names.length > 0 && (
        <ul aria-label="Vendors that would change status">
          {names.map((c) => (
            <li key={c.requestId}>
              {c.vendorName}
              {c.projectName !== null && ` (${c.projectName})`}: {outcomeLabels[c.before]} → {outcomeLabels[c.after]}
            </li>
          ))}
          {preview.changes.length > names.length && <li>and {preview.changes.length - names.length} more</li>}
        </ul>
      )}
    </Notice>
  );
}
