// The gateway: every call the app makes to Finch on behalf of a connection goes through here, so a
// 401 reauthenticate_user anywhere marks the connection, and other failures stay distinct.
import "server-only";
import Finch from "@tryfinch/finch-api";
import { applyConnectionSignal } from "@/lib/connections/apply-connection-signal";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { finchConnectionClient } from "./finch-client";
import { finchCode, isReauthError, isTransientError, retryAfterSeconds } from "./finch-errors";

export interface CallFinchOptions {
  connectionId: string;
  organizationId: string;
}

export async function callFinch<T>(
  { connectionId, organizationId }: CallFinchOptions,
  call: (client: Finch) => Promise<T>,
): Promise<T> {
  const token = await readAccessToken(connectionId, organizationId);
  if (!token) throw new AppError("not_found", "This connection does not exist.");
  try {
    const result = await call(finchConnectionClient(token));
    // A successful call is proof of health: it also repairs a connection Finch restored on its own.
    await applyConnectionSignal({ connectionId, finchStatus: "connected", source: "api_error" });
    return result;
  } catch (error) {
    throw await translate(error, connectionId);
  }
}

async function translate(error: unknown, connectionId: string): Promise<AppError> {
  if (isReauthError(error)) {
    await applyConnectionSignal({ connectionId, finchStatus: "reauth", source: "api_error" });
    return new AppError("reauth_required", "This connection needs to be reconnected.", {
      internal: "finch 401 reauthenticate_user",
      cause: error,
    });
  }
  if (error instanceof Finch.RateLimitError) {
    return new AppError("rate_limited", "Finch is busy. Please try again shortly.", {
      internal: "finch 429",
      retryable: true,
      retryAfterSeconds: retryAfterSeconds(error),
      cause: error,
    });
  }
  if (isTransientError(error)) {
    // 5xx and network errors are Finch's or the provider's trouble, not the customer's: status stays.
    return new AppError(
      "upstream_unavailable",
      "Finch is not answering right now. Please try again shortly.",
      {
        internal: `finch transient ${error instanceof Finch.APIError ? error.status : "connection"} error`,
        retryable: true,
        cause: error,
      },
    );
  }
  if (error instanceof Finch.AuthenticationError) {
    const code = finchCode(error) ?? "invalid_token";
    await db().connection.updateMany({ where: { id: connectionId }, data: { lastCheckedAt: new Date() } });
    return new AppError("upstream_unavailable", "Finch did not accept this connection's credentials.", {
      internal: `finch 401 ${code}`,
      cause: error,
    });
  }
  return new AppError("internal", "Something went wrong talking to Finch.", {
    internal: "unexpected finch error",
    cause: error,
  });
}
