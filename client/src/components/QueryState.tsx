import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorCodes } from '../../../server/contracts/api';
import { isApiError } from '../api/http';
import { ApiErrorNotice, BusyNotice } from './ApiErrorNotice';
import { Loading } from './Loading';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  loadingLabel: string;
  children: (data: T) => ReactNode;
}

/** Loading, busy-retry countdown, error sentence or the data: the same for every panel. */
export function QueryState<T>({ query, loadingLabel, children }: QueryStateProps<T>) {
  if (query.isPending && isApiError(query.failureReason, errorCodes.procoreBusy)) {
    return <BusyNotice error={query.failureReason} attempt={query.failureCount} />;
  }
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <ApiErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
