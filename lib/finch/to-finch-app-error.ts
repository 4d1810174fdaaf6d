// The one mapping from a Finch failure (SDK error, or the shared budget's own 429) to a user-safe
// AppError. The gateway (call-finch.ts) adds the side effects a connection's failure has; application
// calls (Connect sessions, code exchange) use this directly.
import Finch from "@tryfinch/finch-api";
import { BUDGET_REFUSAL_HEADER } from "@/lib/finch/budget/budget-refusal";
import { AppError } from "@/lib/errors";
import { finchCode, isReauthError, isTransientError, retryAfterSeconds } from "./finch-errors";

/** `userMessage` replaces the generic text for transient and unexpected failures. */
export function toFinchAppError(error: unknown, userMessage?: string): AppError {
  if (isReauthError(error)) {
    return new AppError("reauth_required", "This connection needs to be reconnected.", {
      internal: "finch 401 reauthenticate_user",
      cause: error,
    });
  }
  if (error instanceof Finch.RateLimitError) {
    const local = error.headers?.get(BUDGET_REFUSAL_HEADER);
    return new AppError("rate_limited", "Finch is busy right now. Please try again in a minute.", {
      internal: local
        ? `finch call held back by the budget (${local})`
        : `finch 429 ${finchCode(error) ?? ""}`,
      retryable: true,
      retryAfterSeconds: retryAfterSeconds(error),
      cause: error,
    });
  }
  if (isTransientError(error)) {
    // 5xx and network errors are Finch's or the provider's trouble, not the customer's.
    const status = error instanceof Finch.APIError ? error.status : "connection";
    return new AppError(
      "upstream_unavailable",
      userMessage ?? "Finch is not answering right now. Please try again shortly.",
      { internal: `finch transient ${status} error`, retryable: true, cause: error },
    );
  }
  if (error instanceof Finch.AuthenticationError) {
    return new AppError("upstream_unavailable", userMessage ?? "Finch did not accept the credentials.", {
      internal: `finch 401 ${finchCode(error) ?? "invalid_token"}`,
      cause: error,
    });
  }
  const status = error instanceof Finch.APIError ? (error.status ?? "no status") : "no response";
  return new AppError("internal", userMessage ?? "Something went wrong talking to Finch.", {
    internal: `unexpected finch error (${status})`,
    cause: error,
  });
}
