// Finch answered 401 invalid_token for the token we hold. Tokens never expire, but Finch may revoke
// a connection's older tokens when it issues a new one (reauthentication), and a disconnect revokes
// them all. Either way the customer's action is to reconnect (a reauthentication session issues a
// fresh token; Finch refuses it only for a connection that is truly gone, and says so), so the
// connection shows "needs reconnect" with this reason instead of a silent "healthy".
import "server-only";
import type { DetectionSource } from "@/lib/generated/prisma/enums";
import { applyConnectionSignal, type SignalOutcome } from "./apply-connection-signal";

export const TOKEN_REJECTED_REASON =
  "Finch no longer accepts the access token we hold for this connection (it was revoked or replaced). Reconnect to issue a new one.";

export function markTokenRejected({
  connectionId,
  source,
}: {
  connectionId: string;
  source: DetectionSource;
}): Promise<SignalOutcome> {
  return applyConnectionSignal({
    connectionId,
    finchStatus: "reauth",
    reason: TOKEN_REJECTED_REASON,
    source,
  });
}
