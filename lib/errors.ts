// One error type for expected failures: a code to branch on, an internal message for logs, and a
// message that is safe to show a customer.
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "reauth_required"
  | "upstream_unavailable"
  | "email_failed"
  | "internal";

const statusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  reauth_required: 409,
  upstream_unavailable: 503,
  email_failed: 502,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    options: { internal?: string; cause?: unknown; retryable?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(options.internal ?? userMessage, { cause: options.cause });
    this.name = "AppError";
    this.status = statusByCode[code];
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  readonly retryable: boolean;
  /** For rate limits: how long the upstream asked us to wait. */
  readonly retryAfterSeconds?: number;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
