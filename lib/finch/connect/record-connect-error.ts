// The redirect flow's failure outcome (`error=` on the callback, e.g. a reauthentication refused because
// the person cannot see every company): a reconnect attempt counts as failed with Finch's message, as
// react-connect's onError does in the embedded flow, so the banner can give the right advice.
import "server-only";
import { recordFailedAttempt } from "@/lib/connections/failed-attempts";
import { logError } from "@/lib/log";
import { consumeConnectAttempt } from "./connect-attempts";

/** Where to return: the attempt's page when the state is ours, else the dashboard. Never throws. */
export async function recordConnectError({
  state,
  userId,
  description,
}: {
  state: string;
  userId: string;
  description?: string;
}): Promise<string> {
  try {
    const consumed = await consumeConnectAttempt({ state, userId });
    if (consumed.kind === "refused") return "/";
    const { attempt } = consumed;
    if (attempt.purpose === "reconnect" && attempt.connectionId) {
      await recordFailedAttempt({
        connectionId: attempt.connectionId,
        organizationId: attempt.organizationId,
        userId,
        outcome: "error",
        message: description?.slice(0, 500),
      });
    }
    return attempt.returnTo;
  } catch (error) {
    logError("connect callback: recording a failed Connect attempt failed", error);
    return "/";
  }
}
