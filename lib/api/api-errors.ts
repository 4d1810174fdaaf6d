// The API's errors: one body, `{ "error": { "code", "message" } }`, and a stable, documented code for
// each kind of failure (README "Using the API from your backend" lists them).
import { isAppError, type AppErrorCode } from "@/lib/errors";

export const API_ERROR_CODES = {
  unauthorized: { status: 401, meaning: "No API key, or one that is unknown or revoked." },
  forbidden: { status: 403, meaning: "The key lacks the scope this endpoint needs." },
  invalid_request: { status: 400, meaning: "Malformed JSON, a missing or ill-formed field, or a bad id." },
  not_found: { status: 404, meaning: "No such connection, organization, import or endpoint." },
  conflict: {
    status: 409,
    meaning: "The request contradicts what is stored (e.g. another organization's connection).",
  },
  token_rejected: {
    status: 422,
    meaning: "Finch refused the access token (it is revoked or not a Finch token).",
  },
  rate_limited: { status: 429, meaning: "Too many requests for this key; retry after Retry-After seconds." },
  upstream_unavailable: {
    status: 503,
    meaning: "Finch could not be reached or its budget is spent; retry later.",
  },
  internal: { status: 500, meaning: "Something failed on our side; nothing was changed." },
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const FROM_APP_ERROR: Record<AppErrorCode, ApiErrorCode> = {
  bad_request: "invalid_request",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  rate_limited: "rate_limited",
  reauth_required: "token_rejected",
  upstream_unavailable: "upstream_unavailable",
  email_failed: "upstream_unavailable",
  internal: "internal",
};

/** The API's answer for a thrown ApiError or AppError; null for anything else (the caller logs it). */
export function knownErrorResponse(error: unknown): Response | null {
  if (error instanceof ApiError) return apiErrorResponse(error.code, error.message, error.retryAfterSeconds);
  if (isAppError(error)) {
    return apiErrorResponse(FROM_APP_ERROR[error.code], error.userMessage, error.retryAfterSeconds);
  }
  return null;
}

export function apiErrorResponse(code: ApiErrorCode, message: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
  return Response.json({ error: { code, message } }, { status: API_ERROR_CODES[code].status, headers });
}
