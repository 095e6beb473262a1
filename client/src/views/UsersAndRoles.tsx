import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { roleLabels, roles, type Role, type RoleSource, type RoleUser, type TemplateRow } from '../../../server/contracts/permissions';
import { useRoleChange, useRoles, type RoleChange } from '../api/roles';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button, colors, H2, Input, spacing } from '../components/core';
import { Dialog, DialogActions } from '../components/Dialog';
import { QueryState } from '../components/QueryState';
import { DataTable, Notice, VisuallyHidden } from '../components/ui';

// Users and roles (compliance managers): Procore's permission templates, read live, each mapped
// to a role; everyone who has opened the app with their template, role and where it came from;
// per-user overrides with a reason. The server audits every change and refuses one that would
// leave the company without a compliance manager.

const Table = styled(DataTable)`
  th {
    color: ${colors.gray45};
    font-weight: 600;
  }
`;

const Muted = styled.span`
  color: ${colors.gray45};
  font-size: 12px;
`;

const Select = styled.select`
  font: inherit;
  padding: 2px 4px;
`;

const OverrideForm = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
  input {
    box-sizing: border-box;
  }
`;

const sourceText: Record<RoleSource, string> = {
  company_admin: 'Procore company admin',
  override: 'Override',
  template: 'Template',
  default: 'Default',
};

function TemplateTable({ templates, pending, onChange }: { templates: TemplateRow[]; pending: boolean; onChange: (change: RoleChange) => void }) {
  return (
    <Table aria-label="Procore permission templates">
      <thead>
        <tr>
          <th>Procore template</th>
          <th>Role in COI Compliance</th>
        </tr>
      </thead>
      <tbody>
        {templates.map((t) => (
          <tr key={t.id}>
            <td>
              {t.name} <Muted>{t.scope === 'project' ? 'project template' : 'company template'}</Muted>
            </td>
            <td>
              <Select
                aria-label={`Role for ${t.name}`}
                value={t.role ?? ''}
                disabled={pending}
                onChange={(event) => onChange({ kind: 'mapping', templateId: t.id, role: (event.target.value || null) as Role | null, previous: t.role })}
              >
                <option value="">Default</option>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </Select>
              {t.updatedBy && <Muted>{` by ${t.updatedBy}`}</Muted>}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Override({ user, pending, onChange, onDone }: { user: RoleUser; pending: boolean; onChange: (change: RoleChange) => void; onDone: () => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= 3;
  return (
    <OverrideForm
      aria-label={`Override for ${user.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !pending) {
          onChange({ kind: 'override', userId: user.id, role, reason: reason.trim() });
          onDone();
        }
      }}
    >
      <Select aria-label={`New role for ${user.name}`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </Select>
      <Input aria-label={`Reason for ${user.name}'s override`} placeholder="Why (kept in the audit trail)" value={reason} onChange={(event) => setReason(event.target.value)} />
      <DialogActions>
        <Button type="button" variant="tertiary" size="sm" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" size="sm" disabled={!ready || pending}>
          Save override
        </Button>
      </DialogActions>
    </OverrideForm>
  );
}

function UserRow({ user, pending, onChange }: { user: RoleUser; pending: boolean; onChange: (change: RoleChange) => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <tr>
      <td>
        {user.name}
        <br />
        <Muted>{user.login}</Muted>
      </td>
      <td>{user.templateName ?? <Muted>not known yet</Muted>}</td>
      <td>{roleLabels[user.role]}</td>
      <td>
        {sourceText[user.source]}
        {user.overrideReason && (
          <>
            <br />
            <Muted>{user.overrideReason}</Muted>
          </>
        )}
      </td>
      <td>
        {user.isCompanyAdmin ? (
          <Muted>Always a compliance manager</Muted>
        ) : editing ? (
          <Override user={user} pending={pending} onChange={onChange} onDone={() => setEditing(false)} />
        ) : (
          <>
            <Button type="button" variant="tertiary" size="sm" aria-label={`Override ${user.name}'s role`} onClick={() => setEditing(true)}>
              Override
            </Button>
            {user.source === 'override' && (
              <Button type="button" variant="tertiary" size="sm" aria-label={`Remove ${user.name}'s override`} disabled={pending} onClick={() => onChange({ kind: 'removeOverride', userId: user.id })}>
                Remove override
              </Button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function People({ users, pending, onChange }: { users: RoleUser[]; pending: boolean; onChange: (change: RoleChange) => void }) {
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? users.filter((u) => [u.name, u.login, u.templateName ?? '', roleLabels[u.role]].some((text) => text.toLowerCase().includes(q))) : users;
  }, [users, search]);
  return (
    <>
      <Input type="search" aria-label="Search people" placeholder="Search by name, email, template or role" value={search} onChange={(event) => setSearch(event.target.value)} />
      <Table aria-label="People who opened COI Compliance">
        <thead>
          <tr>
            <th>Person</th>
            <th>Procore template</th>
            <th>Role</th>
            <th>From</th>
            <th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <UserRow key={u.id} user={u} pending={pending} onChange={onChange} />
          ))}
        </tbody>
      </Table>
      {shown.length === 0 && <Muted>Nobody matches “{search}”.</Muted>}
    </>
  );
}

export default function UsersAndRoles({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const query = useRoles(companyId);
  const change = useRoleChange(companyId);
  const onChange = (next: RoleChange) => change.mutate(next);
  return (
    <Dialog title="Users and roles" onClose={onClose}>
      <p style={{ margin: 0 }}>
        Choose what each Procore permission template may do here. Until a template is mapped, Procore company admins and insurance managers are compliance managers and
        everyone else is read-only. Company admins are always compliance managers.
      </p>
      {change.isError && <Notice tone="error">{errorSentence(change.error)}</Notice>}
      {change.data?.notice && <Notice tone="info">{change.data.notice}</Notice>}
      <QueryState query={query} loadingLabel="Reading permission templates from Procore…">
        {(view) => (
          <>
            <H2 style={{ fontSize: 15, margin: 0 }}>Procore permission templates</H2>
            <TemplateTable templates={view.templates} pending={change.isPending} onChange={onChange} />
            <H2 style={{ fontSize: 15, margin: 0 }}>People who have opened COI Compliance</H2>
            <People users={view.users} pending={change.isPending} onChange={onChange} />
          </>
        )}
      </QueryState>
      <DialogActions>
        <Button type="button" variant="primary" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
