import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { commitmentRowSchema, createRequestsResultSchema, type CommitmentRow } from '../../../server/contracts/requests';
import { apiRequest } from './http';

// The Request for Commitments tab: vendors holding a commitment in the project and no request yet.

const commitmentsSchema = z.object({ commitments: z.array(commitmentRowSchema) });

const projectPath = (companyId: string, projectId: string) =>
  `/api/companies/${encodeURIComponent(companyId)}/projects/${encodeURIComponent(projectId)}`;
export const commitmentsKey = (companyId: string, projectId: string) => ['commitments', companyId, projectId];

export function useCommitments(companyId: string, projectId: string) {
  return useQuery({
    queryKey: commitmentsKey(companyId, projectId),
    queryFn: async () => (await apiRequest(`${projectPath(companyId, projectId)}/commitments`, commitmentsSchema)).commitments,
  });
}

export interface CommitmentRequest {
  commitmentId: string;
  /** An address fixed in the row because Procore's is missing or invalid. */
  email?: string;
}

/**
 * Requests one commitment's vendor. The row leaves the list once the vendor has a request,
 * whether made now or already there; an email problem keeps it so the address can be fixed.
 */
export function useRequestCommitment(companyId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ commitmentId, email }: CommitmentRequest) =>
      apiRequest(`${projectPath(companyId, projectId)}/commitments/${encodeURIComponent(commitmentId)}/request`, createRequestsResultSchema, {
        method: 'POST',
        body: email === undefined ? {} : { email },
      }),
    onSuccess: (result, { commitmentId }) => {
      const requested = result.created.length > 0 || result.skipped.some((skip) => skip.reason === 'already_requested');
      if (requested) {
        client.setQueryData<CommitmentRow[]>(commitmentsKey(companyId, projectId), (rows) =>
          rows?.filter((row) => row.commitmentId !== commitmentId),
        );
      }
      void client.invalidateQueries({ queryKey: ['directory', companyId] });
    },
  });
}
