import { useState } from 'react';
import styled from 'styled-components';
import { requirementLines, type RequirementLine, type RequirementSet } from '../../../server/contracts/requirements';
import type { RequirementsView } from '../../../server/contracts/requirements-api';
import type { RequirementIssue } from '../../../server/compliance/validate-requirements';
import {
  requirementIssues,
  usePreviewRequirements,
  useRemoveProjectRequirements,
  useRequirements,
  useSaveRequirements,
} from '../api/requirements';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button, colors, spacing } from '../components/core';
import { Dialog, DialogActions } from '../components/Dialog';
import { formatDateTime } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Notice } from '../components/ui';
import { CarrierImport } from './requirements/CarrierImport';
import { LineFields } from './requirements/LineFields';
import { PreviewSummary } from './requirements/PreviewSummary';
import { SetFields, TierSummary } from './requirements/SetFields';
import { acceptsEndorsements, isRequired, lineFlags, lineLimitKeys, updateLine } from './requirements/model';

// The insurance requirements of a company (its default) or of one project. A change is always
// previewed first (how many vendors' statuses would move) and saved only after that, so a
// manager never raises a limit without seeing whom it sends back to "Awaiting New COI".

const Source = styled.p`
  margin: 0;
  color: ${colors.gray45};
`;

const sourceText: Record<RequirementsView['source'], string> = {
  project: "This project has its own requirements; they replace the company default here.",
  company: 'This project follows the company default. Saving here gives it requirements of its own.',
  'built-in': 'No requirements are saved yet: these are the built-in template.',
};

/** Paths of the fields on screen, so issues about anything else are listed above the form instead of lost. */
function shownPaths(set: RequirementSet): string[] {
  const paths = ['name', 'minimumAmBest', 'certificateHolder', 'descriptionMustContain', 'minimumDaysRemaining', 'completedOperationsYears'];
  for (const line of requirementLines) {
    const base = `lines.${line}`;
    paths.push(`${base}.required`);
    if (!isRequired(set.lines[line])) continue;
    paths.push(...lineLimitKeys[line].map((key) => `${base}.minimums.${key}`), ...lineFlags(line).map((flag) => `${base}.${flag}`));
    if (acceptsEndorsements(line)) paths.push(`${base}.endorsements`);
  }
  return paths;
}

function OtherIssues({ issues, set }: { issues: readonly RequirementIssue[]; set: RequirementSet }) {
  const shown = shownPaths(set);
  const other = issues.filter((issue) => !shown.some((path) => issue.path === path || issue.path.startsWith(`${path}.`)));
  if (issues.length === 0) return null;
  return (
    <Notice tone="error" title="The requirements were not accepted">
      {other.length === 0 ? 'Fix the fields marked below.' : other.map((issue) => `${issue.path}: ${issue.message}`).join(' · ')}
    </Notice>
  );
}

interface ScopeProps {
  companyId: string;
  projectId: string | null;
}

function UseCompanyDefault({ companyId, projectId }: { companyId: string; projectId: string }) {
  const remove = useRemoveProjectRequirements(companyId, projectId);
  return (
    <>
      <Button type="button" variant="secondary" loading={remove.isPending} onClick={() => remove.mutate()}>
        Use the company default
      </Button>
      {remove.isError && <Notice tone="error">{errorSentence(remove.error)}</Notice>}
    </>
  );
}

type SaveMutation = ReturnType<typeof useSaveRequirements>;

function RequirementsForm({ companyId, projectId, view, save, onClose }: ScopeProps & { view: RequirementsView; save: SaveMutation; onClose: () => void }) {
  const [draft, setDraft] = useState<RequirementSet>(view.requirements);
  const preview = usePreviewRequirements(companyId, projectId);
  const failed = save.error ?? preview.error;
  const issues = requirementIssues(failed);
  const edit = (change: (set: RequirementSet) => RequirementSet) => {
    setDraft(change);
    // A preview or a save message describes the set as it was: any edit makes them stale.
    preview.reset();
    save.reset();
  };
  const editLine = (line: RequirementLine) => (change: Parameters<typeof updateLine>[2]) => edit((set) => updateLine(set, line, change));
  return (
    <form
      style={{ display: 'flex', flexDirection: 'column', gap: spacing.md }}
      onSubmit={(event) => {
        event.preventDefault();
        save.reset();
        preview.mutate(draft);
      }}
    >
      {projectId !== null && <Source>{sourceText[view.source]}</Source>}
      {view.updatedAt !== null && <Source>{`Last saved ${formatDateTime(view.updatedAt)}${view.updatedBy ? ` by ${view.updatedBy}` : ''}.`}</Source>}
      {projectId !== null && view.source === 'project' && <UseCompanyDefault companyId={companyId} projectId={projectId} />}
      <OtherIssues issues={issues} set={draft} />
      <SetFields set={draft} issues={issues} onChange={edit} />
      {requirementLines.map((line) => (
        <LineFields key={line} line={line} req={draft.lines[line]} issues={issues} onChange={editLine(line)} />
      ))}
      <TierSummary tiers={draft.tiers} />
      {preview.isSuccess && <PreviewSummary preview={preview.data} />}
      {failed !== null && issues.length === 0 && <Notice tone="error">{errorSentence(failed)}</Notice>}
      {save.isSuccess && <Notice tone="info">Requirements saved.</Notice>}
      <DialogActions>
        <Button type="button" variant="secondary" onClick={onClose}>
          Close
        </Button>
        <Button type="submit" variant="secondary" loading={preview.isPending}>
          Preview changes
        </Button>
        <Button
          type="button"
          variant="primary"
          loading={save.isPending}
          disabled={!preview.isSuccess || save.isSuccess}
          onClick={() => save.mutate(draft)}
        >
          Save requirements
        </Button>
      </DialogActions>
      {projectId === null && <CarrierImport companyId={companyId} />}
    </form>
  );
}

export default function RequirementsEditor({ companyId, projectId, onClose }: ScopeProps & { onClose: () => void }) {
  const query = useRequirements(companyId, projectId);
  // Held here so "Requirements saved." survives the form restarting when a project gets its own set.
  const save = useSaveRequirements(companyId, projectId);
  return (
    <Dialog title="Requirements" onClose={onClose}>
      <QueryState query={query} loadingLabel="Loading requirements…">
        {(view) => (
          // A new key when the source changes ("Use the company default") starts the form from the set now in force.
          <RequirementsForm key={view.source} companyId={companyId} projectId={projectId} view={view} save={save} onClose={onClose} />
        )}
      </QueryState>
    </Dialog>
  );
}
