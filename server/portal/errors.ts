import { AppError, RateLimitedError } from '../errors';
import { portalErrorCodes } from '../contracts/portal';

// Errors of the upload portal. Each answer is written for a subcontractor: what went wrong
// and what to send instead.

/**
 * One answer for a wrong, expired or revoked link and for a request that was closed, so the
 * page never reveals which case it is.
 */
export class LinkInvalidError extends AppError {
  override readonly status = 404;
  override readonly code = portalErrorCodes.linkInvalid;
  constructor() {
    super(
      'This upload link is not valid any more. Reply to the email you received, or ask the general contractor who sent it, for a new link.',
    );
  }
}

export class PortalRateLimitedError extends RateLimitedError {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts from your connection. Wait a minute and try again.');
  }
}

/** A submission refused as a whole: no files, too many, or one file that cannot be accepted. */
export class SubmissionRejectedError extends AppError {
  override readonly status: number;
  override readonly code: string;
  constructor(status: 400 | 413 | 422, code: string, message: string, readonly filename?: string) {
    super(filename === undefined ? message : `${filename}: ${message}`, filename === undefined ? undefined : { filename });
    this.status = status;
    this.code = code;
  }
}
