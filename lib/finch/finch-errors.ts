// Reads Finch's error responses the way the SDK exposes them (`APIError` subclasses of @tryfinch/finch-api;
// codes per https://developer.tryfinch.com/api-reference/development-guides/errors/Error-Types).
import Finch from "@tryfinch/finch-api";
import { FINCH_ERROR_CODES } from "@/lib/finch/spec/error-codes";

export function finchCode(error: unknown): string | undefined {
  if (!(error instanceof Finch.APIError)) return undefined;
  const body = error.error;
  if (body && typeof body === "object" && "finch_code" in body && typeof body.finch_code === "string")
    return body.finch_code;
  return undefined;
}

/** Finch's signal that the employer must go through Connect again. */
export function isReauthError(error: unknown): boolean {
  return (
    error instanceof Finch.AuthenticationError && finchCode(error) === FINCH_ERROR_CODES.reauthenticateUser
  );
}

/** Seconds from Retry-After (seconds or HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(error: unknown, now = Date.now()): number | undefined {
  if (!(error instanceof Finch.APIError) || !error.headers) return undefined;
  const value = error.headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function isTransientError(error: unknown): boolean {
  if (error instanceof Finch.APIConnectionError) return true;
  return (
    error instanceof Finch.APIError &&
    typeof error.status === "number" &&
    (error.status >= 500 || error.status === 408)
  );
}
