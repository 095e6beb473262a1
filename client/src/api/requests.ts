import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Directory } from '../../../server/contracts/directory';
import {
  createRequestsResultSchema,
  requestDetailSchema,
  requestSummarySchema,
  type CreateRequests,
  type CreateRequestsResult,
} from '../../../server/contracts/requests';
import { apiRequest } from './http';

// COI requests: creating them (project or global), reading one with its timeline, and its life.

/** Where requests are made: a project's directory, or the company's (global, annual). */
export interface RequestScope {
  companyId: string;
  projectId: string | null;
}

const id = encodeURIComponent;
const companyPath = (companyId: string) => `/api/companies/${id(companyId)}`;
const requestPath = (companyId: string, requestId: string) => `${companyPath(companyId)}/requests/${id(requestId)}`;

export const directoryKey = (scope: RequestScope) =>
  scope.projectId === null ? ['directory', scope.companyId] : ['directory', scope.companyId, scope.projectId];
export const requestKey = (companyId: string, requestId: string) => ['request', companyId, requestId];

export function createRequests(scope: RequestScope, body: CreateRequests): Promise<CreateRequestsResult> {
  const path =
    scope.projectId === null
      ? `${companyPath(scope.companyId)}/requests`
      : `${companyPath(scope.companyId)}/projects/${id(scope.projectId)}/requests`;
  return apiRequest(path, createRequestsResultSchema, { method: 'POST', body });
}

/**
 * Shows the new requests at once (Pending, with their id) in the directory that made them,
 * then refetches every directory of the company: a global request changes project views too.
 */
export function showCreatedRequests(client: QueryClient, scope: RequestScope, result: CreateRequestsResult): void {
  const created = new Map(result.created.map((request) => [request.vendorId, request.id]));
  if (created.size > 0) {
    client.setQueryData<Directory>(directoryKey(scope), (directory) => {
      if (directory === undefined) return directory;
      const vendors = directory.vendors.map((row) => {
        const requestId = created.get(row.vendorId);
        if (requestId === undefined) return row;
        return { ...row, status: 'pending' as const, requestId, requestScope: scope.projectId === null ? ('global' as const) : ('project' as const) };
      });
      return { ...directory, vendors };
    });
  }
  // Not awaited: the dialog shows its result while the directories refetch behind it.
  void client.invalidateQueries({ queryKey: ['directory', scope.companyId] });
}

export function useCreateRequests(scope: RequestScope) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRequests) => createRequests(scope, body),
    // On the hook, not on mutate(): the directory must update even if the dialog was closed meanwhile.
    onSuccess: (result) => showCreatedRequests(client, scope, result),
  });
}

export function useRequestDetail(companyId: string, requestId: string) {
  return useQuery({
    queryKey: requestKey(companyId, requestId),
    queryFn: () => apiRequest(requestPath(companyId, requestId), requestDetailSchema),
  });
}

export type RequestAction = { kind: 'cancel' } | { kind: 'archive' } | { kind: 'unarchive' } | { kind: 'delete'; reason: string };

const deletedSchema = z.object({ deleted: z.literal(true) });

function runAction(companyId: string, requestId: string, action: RequestAction): Promise<unknown> {
  const path = requestPath(companyId, requestId);
  switch (action.kind) {
    case 'cancel':
      return apiRequest(`${path}/cancel`, requestSummarySchema, { method: 'POST' });
    case 'archive':
      return apiRequest(`${path}/archive`, requestSummarySchema, { method: 'POST' });
    case 'unarchive':
      return apiRequest(`${path}/unarchive`, requestSummarySchema, { method: 'POST' });
    case 'delete':
      return apiRequest(path, deletedSchema, { method: 'DELETE', body: { reason: action.reason } });
  }
}

/** Cancel, archive, unarchive or delete; afterwards the directories, the commitments tab and the detail are re-read. */
export function useRequestAction(companyId: string, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: RequestAction) => runAction(companyId, requestId, action),
    onSuccess: async () => {
      // Awaited so the drawer shows the new status (or "deleted": the server still reads it) when the action ends.
      await client.invalidateQueries({ queryKey: requestKey(companyId, requestId) });
      void client.invalidateQueries({ queryKey: ['directory', companyId] });
      void client.invalidateQueries({ queryKey: ['commitments', companyId] });
    },
  });
}
