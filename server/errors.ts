// Typed errors (design.md 7.3). One middleware maps them to HTTP as
// { error: { code, message, details? } }; anything else is a 500 with a generic message.

export class AppError extends Error {
  readonly status: number = 500;
  readonly code: string = 'internal_error';
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  override readonly status = 400;
  override readonly code = 'invalid_input';
}

export class UnauthorizedError extends AppError {
  override readonly status = 401;
  override readonly code: string = 'not_signed_in';
  constructor(message = 'Connect to Procore to continue.', code?: string) {
    super(message);
    if (code) this.code = code;
  }
}

export class ForbiddenError extends AppError {
  override readonly status = 403;
  override readonly code = 'forbidden';
}

export class NotFoundError extends AppError {
  override readonly status = 404;
  override readonly code = 'not_found';
}

export class ConflictError extends AppError {
  override readonly status = 409;
  override readonly code = 'conflict';
}

export class RateLimitedError extends AppError {
  override readonly status = 429;
  override readonly code = 'rate_limited';
}

/** Procore (or another upstream) answered with an error we cannot recover from here. */
export class UpstreamError extends AppError {
  override readonly status: number;
  override readonly code: string;
  constructor(
    message: string,
    readonly upstreamStatus: number,
    code = 'procore_error',
    status = 502,
    /** Seconds the caller should wait before trying again (busy upstream). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message, { upstreamStatus });
    this.code = code;
    this.status = status;
  }
}

/** A document that cannot be read: wrong type, encrypted, corrupt, too big. */
export class UnreadableDocumentError extends AppError {
  override readonly status = 422;
  override readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
