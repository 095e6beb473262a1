import { useEffect, useState } from 'react';
import { errorCodes } from '../../../server/contracts/api';
import { busyWaitSeconds } from '../api/queryClient';
import { isApiError } from '../api/http';
import { Button } from './core';
import { Notice } from './ui';

/** The sentence a person sees for an API failure; never a stack trace, never raw HTML. */
export function errorSentence(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong in the panel. Reload it to try again.';
  switch (error.code) {
    case errorCodes.appNotInstalled:
      return 'COI Compliance is not installed for this company in Procore. Ask a company admin to install it from the App Marketplace.';
    case errorCodes.procoreForbidden:
      return "Procore did not let your account read this directory. Ask a Procore admin for access to the company's Directory tool.";
    case errorCodes.notFound:
      return 'Procore could not find this company or project. It may have been deleted, or your account cannot see it.';
    case errorCodes.procoreBusy:
      return 'Procore is still busy. Try again in a minute.';
    case errorCodes.procoreError:
      return error.message || 'Procore answered with an error. Try again in a few minutes.';
    default:
      return error.message;
  }
}

function useCountdown(seconds: number, restartKey: number): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const startedAt = Date.now();
    setLeft(seconds);
    const timer = setInterval(() => {
      setLeft(Math.max(0, seconds - Math.floor((Date.now() - startedAt) / 1000)));
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, restartKey]);
  return left;
}

/** Shown while React Query waits out Procore's Retry-After before the next attempt. */
export function BusyNotice({ error, attempt }: { error: unknown; attempt: number }) {
  const left = useCountdown(busyWaitSeconds(error), attempt);
  const text = left > 0 ? `Procore is busy; retrying in ${left} ${left === 1 ? 'second' : 'seconds'}.` : 'Procore is busy; retrying now.';
  return <Notice tone="attention">{text}</Notice>;
}

export function ApiErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const retryable = !isApiError(error) || error.status === 0 || error.status >= 500 || error.code === errorCodes.procoreBusy;
  return (
    <Notice
      tone="error"
      action={
        onRetry && retryable ? (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      {errorSentence(error)}
    </Notice>
  );
}
