// Application-level Finch failures (sessions, code exchange) as user-safe errors.
import Finch from "@tryfinch/finch-api";
import { AppError } from "@/lib/errors";
import { isTransientError, retryAfterSeconds } from "./finch-errors";

export function toFinchAppError(error: unknown, userMessage: string): AppError {
  if (error instanceof Finch.RateLimitError) {
    return new AppError("rate_limited", "Finch is busy right now. Please try again in a minute.", {
      internal: "finch 429",
      retryable: true,
      retryAfterSeconds: retryAfterSeconds(error),
      cause: error,
    });
  }
  const status = error instanceof Finch.APIError ? (error.status ?? "no status") : "connection";
  return new AppError(isTransientError(error) ? "upstream_unavailable" : "internal", userMessage, {
    internal: `finch application call failed (${status})`,
    retryable: isTransientError(error),
    cause: error,
  });
}
