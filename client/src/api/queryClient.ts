import { QueryClient } from '@tanstack/react-query';
import { errorCodes } from '../../../server/contracts/api';
import { clientErrorCodes, isApiError } from './http';

const maxBusyRetries = 5;
const maxNetworkRetries = 2;
// Procore normally names its wait; if it does not, this is a polite default.
const defaultBusySeconds = 10;

/** Retry only what can succeed later: Procore being busy, or the network dropping. Never a 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error, errorCodes.procoreBusy)) return failureCount < maxBusyRetries;
  if (isApiError(error, clientErrorCodes.network)) return failureCount < maxNetworkRetries;
  return false;
}

/** Waits exactly as long as Procore asked when it is busy. */
export function retryDelayMs(failureCount: number, error: unknown): number {
  if (isApiError(error, errorCodes.procoreBusy)) return busyWaitSeconds(error) * 1000;
  return Math.min(1000 * 2 ** failureCount, 8000);
}

export function busyWaitSeconds(error: unknown): number {
  return isApiError(error) && error.retryAfterSeconds !== null ? error.retryAfterSeconds : defaultBusySeconds;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay: retryDelayMs, staleTime: 60_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
