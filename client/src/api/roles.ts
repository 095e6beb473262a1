import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { changeResultSchema, rolesViewSchema, type ChangeResult, type Role } from '../../../server/contracts/permissions';
import { apiRequest } from './http';

const id = encodeURIComponent;
const rolesPath = (companyId: string) => `/api/companies/${id(companyId)}/roles`;
const rolesKey = (companyId: string) => ['roles', companyId];

export function useRoles(companyId: string) {
  return useQuery({ queryKey: rolesKey(companyId), queryFn: () => apiRequest(rolesPath(companyId), rolesViewSchema) });
}

export type RoleChange =
  | { kind: 'mapping'; templateId: string; role: Role | null; previous: Role | null }
  | { kind: 'override'; userId: string; role: Role; reason: string }
  | { kind: 'removeOverride'; userId: string };

function send(companyId: string, change: RoleChange): Promise<ChangeResult> {
  switch (change.kind) {
    case 'mapping':
      return apiRequest(`${rolesPath(companyId)}/templates/${id(change.templateId)}`, changeResultSchema, {
        method: 'PUT',
        body: { role: change.role, previous: change.previous },
      });
    case 'override':
      return apiRequest(`${rolesPath(companyId)}/users/${id(change.userId)}/override`, changeResultSchema, {
        method: 'PUT',
        body: { role: change.role, reason: change.reason },
      });
    case 'removeOverride':
      return apiRequest(`${rolesPath(companyId)}/users/${id(change.userId)}/override`, changeResultSchema, { method: 'DELETE' });
  }
}

/** Every change answers with the whole screen as it now is (and a notice when it replaced someone's). */
export function useRoleChange(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: RoleChange) => send(companyId, change),
    onSuccess: (result) => {
      client.setQueryData(rolesKey(companyId), result.view);
      // The user's own role may have changed: ask the server again what they may do.
      void client.invalidateQueries({ queryKey: ['session'] });
    },
  });
}
