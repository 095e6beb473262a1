import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { RequirementSet } from '../../../server/contracts/requirements';
import {
  carriersViewSchema,
  requirementsViewSchema,
  type RequirementsPreview,
  type RequirementsView,
} from '../../../server/contracts/requirements-api';
import type { RequirementIssue } from '../../../server/compliance/validate-requirements';
import type { CsvRowError } from '../../../server/compliance/carriers-csv';
import { apiRequest, isApiError } from './http';

// Requirement sets (company default or one project's), the preview of a change and the
// carrier rating table. Only the lazily loaded requirements editor imports this module, so
// the contract's zod schemas stay out of the panel's first paint.

const companyPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}`;

export function requirementsPath(companyId: string, projectId: string | null): string {
  const scope = projectId === null ? companyPath(companyId) : `${companyPath(companyId)}/projects/${encodeURIComponent(projectId)}`;
  return `${scope}/requirements`;
}

const requirementsKey = (companyId: string, projectId: string | null) => ['requirements', companyId, projectId];
const carriersKey = (companyId: string) => ['carriers', companyId];

// The preview is computed by the server from its own types; the panel only needs to know it
// got an object with a summary and a list, so it checks that much rather than restating it.
const previewSchema = z.custom<RequirementsPreview>(
  (value) => typeof value === 'object' && value !== null && 'summary' in value && Array.isArray((value as { changes?: unknown }).changes),
);

export function useRequirements(companyId: string, projectId: string | null) {
  return useQuery({
    queryKey: requirementsKey(companyId, projectId),
    queryFn: () => apiRequest(requirementsPath(companyId, projectId), requirementsViewSchema),
  });
}

export function usePreviewRequirements(companyId: string, projectId: string | null) {
  return useMutation({
    mutationFn: (set: RequirementSet) =>
      apiRequest(`${requirementsPath(companyId, projectId)}/preview`, previewSchema, { method: 'POST', body: set }),
  });
}

export function useSaveRequirements(companyId: string, projectId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (set: RequirementSet) => apiRequest(requirementsPath(companyId, projectId), requirementsViewSchema, { method: 'PUT', body: set }),
    onSuccess: (view: RequirementsView) => {
      client.setQueryData(requirementsKey(companyId, projectId), view);
      // A new company default changes what every inheriting project shows.
      if (projectId === null) void client.invalidateQueries({ queryKey: ['requirements', companyId] });
    },
  });
}

/** "Use the company default": removes the project's own set. */
export function useRemoveProjectRequirements(companyId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(requirementsPath(companyId, projectId), requirementsViewSchema, { method: 'DELETE' }),
    onSuccess: (view: RequirementsView) => client.setQueryData(requirementsKey(companyId, projectId), view),
  });
}

export function useCarriers(companyId: string) {
  return useQuery({
    queryKey: carriersKey(companyId),
    queryFn: () => apiRequest(`${companyPath(companyId)}/carriers`, carriersViewSchema),
  });
}

export function useImportCarriers(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      apiRequest(`${companyPath(companyId)}/carriers`, carriersViewSchema, { method: 'PUT', text: { contentType: 'text/csv', content: csv } }),
    onSuccess: (view) => client.setQueryData(carriersKey(companyId), view),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The field problems of a 400 for a requirement set (details.issues), or none. */
export function requirementIssues(error: unknown): RequirementIssue[] {
  if (!isApiError(error) || !isRecord(error.details) || !Array.isArray(error.details.issues)) return [];
  return error.details.issues.filter(
    (issue): issue is RequirementIssue => isRecord(issue) && typeof issue.path === 'string' && typeof issue.message === 'string',
  );
}

/** The row problems of a rejected carrier import (details.errors), or none. */
export function carrierRowErrors(error: unknown): CsvRowError[] {
  if (!isApiError(error) || !isRecord(error.details) || !Array.isArray(error.details.errors)) return [];
  return error.details.errors.filter(
    (row): row is CsvRowError => isRecord(row) && typeof row.line === 'number' && typeof row.message === 'string',
  );
}
