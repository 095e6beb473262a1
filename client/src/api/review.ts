import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  approveCompliantResultSchema,
  certificateReviewSchema,
  finishResultSchema,
  reviewVerdictSchema,
  takenHandOffSchema,
  type AddLine,
  type Approval,
  type Correction,
  type FinishResult,
  type Note,
} from '../../../server/contracts/review';
import { ApiRequestError, apiRequest, sessionHeaders } from './http';
import { requestKey } from './requests';

// The certificate review screen: the review payload, the certificate's bytes (fetched with the
// session header and handed to pdf.js, never as a URL: the session is a header, not a cookie),
// and the manager's actions.

const id = encodeURIComponent;
const reviewPath = (companyId: string, requestId: string) => `/api/companies/${id(companyId)}/requests/${id(requestId)}/review`;
export const reviewKey = (companyId: string, requestId: string) => ['review', companyId, requestId];

export function useReview(companyId: string, requestId: string) {
  return useQuery({ queryKey: reviewKey(companyId, requestId), queryFn: () => apiRequest(reviewPath(companyId, requestId), certificateReviewSchema) });
}

export async function fetchDocumentBytes(companyId: string, documentId: string): Promise<ArrayBuffer> {
  const response = await fetch(`/api/companies/${id(companyId)}/documents/${id(documentId)}/file`, {
    headers: sessionHeaders(),
    credentials: 'include',
  });
  if (!response.ok) {
    throw new ApiRequestError({ status: response.status, code: 'http_error', message: `The certificate file could not be loaded (HTTP ${response.status}).` });
  }
  return response.arrayBuffer();
}

/** Fetches a review and its certificate's bytes ahead of the click that shows them. */
export async function prefetchReview(client: QueryClient, companyId: string, requestId: string): Promise<void> {
  const review = await client.fetchQuery({ queryKey: reviewKey(companyId, requestId), queryFn: () => apiRequest(reviewPath(companyId, requestId), certificateReviewSchema) });
  const documentId = review.document.id;
  await client.prefetchQuery({ queryKey: ['document-bytes', companyId, documentId], queryFn: () => fetchDocumentBytes(companyId, documentId), staleTime: Infinity });
}

export function useDocumentBytes(companyId: string, documentId: string | undefined) {
  return useQuery({
    queryKey: ['document-bytes', companyId, documentId],
    queryFn: () => fetchDocumentBytes(companyId, documentId!),
    enabled: documentId !== undefined,
    staleTime: Infinity,
  });
}

const statusSchema = z.object({ status: z.string() });

export type ReviewAction =
  | { kind: 'correct'; body: Correction }
  | { kind: 'approve'; body: Approval }
  | { kind: 'note'; body: Note }
  | { kind: 'finish' }
  | { kind: 'approve-compliant' }
  | { kind: 'add-line'; body: AddLine };

/** Resolves to what finishing did (the screen says whether the sub was emailed); the other actions are shown by re-reading the review. */
async function runAction(companyId: string, requestId: string, action: ReviewAction): Promise<FinishResult | undefined> {
  const path = reviewPath(companyId, requestId);
  switch (action.kind) {
    case 'correct':
      await apiRequest(`${path}/corrections`, reviewVerdictSchema, { method: 'POST', body: action.body });
      return undefined;
    case 'approve':
      await apiRequest(`${path}/approve`, statusSchema, { method: 'POST', body: action.body });
      return undefined;
    case 'note':
      await apiRequest(`${path}/note`, statusSchema, { method: 'POST', body: action.body });
      return undefined;
    case 'approve-compliant':
      await apiRequest(`${path}/approve-compliant`, approveCompliantResultSchema, { method: 'POST', body: {} });
      return undefined;
    case 'add-line':
      await apiRequest(`${path}/lines`, reviewVerdictSchema, { method: 'POST', body: action.body });
      return undefined;
    case 'finish':
      return apiRequest(`${path}/finish`, finishResultSchema, { method: 'POST', body: {} });
  }
}

/** One of the manager's actions; afterwards the review, the request drawer and the directories are re-read. */
export function useReviewAction(companyId: string, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ReviewAction) => runAction(companyId, requestId, action),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: reviewKey(companyId, requestId) });
      void client.invalidateQueries({ queryKey: requestKey(companyId, requestId) });
      void client.invalidateQueries({ queryKey: ['directory', companyId] });
    },
  });
}

/** Leaves this review for the full-screen app (the side panel then sends Procore there). */
export function leaveReviewHandOff(companyId: string, requestId: string): Promise<unknown> {
  return apiRequest(`${reviewPath(companyId, requestId)}/hand-off`, z.object({ ok: z.literal(true) }), { method: 'POST', body: {} });
}

/**
 * In the full-screen app: the review the side panel left for it, taken once. `warm` runs as soon
 * as a request is named (to load the screen's code), and its review and file are fetched at once,
 * while that code loads, rather than after the screen has mounted. (The take answering with the
 * review itself was measured slower: the take then waited on the review's reads, and the code.)
 */
export function useTakenHandOff(companyId: string, enabled: boolean, warm: () => void = () => undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['review-hand-off', companyId],
    queryFn: async () => {
      const taken = await apiRequest(`/api/companies/${id(companyId)}/review-hand-off/take`, takenHandOffSchema, { method: 'POST', body: {} });
      if (taken.requestId !== null) {
        warm();
        prefetchReview(client, companyId, taken.requestId).catch(() => undefined); // the screen shows any error itself
      }
      return taken;
    },
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}
