// A signal from the host's backend, applied through the host_api detection path and answered with the
// outcome and the connection as it now is.
import "server-only";
import { applyHostSignal, type HostSignalType } from "@/lib/signals/apply-host-signal";
import type { ApiConnection } from "./contract/shared";
import { getApiConnection } from "./read-connections";

export async function reportHostSignal(
  connectionId: string,
  body: { type: HostSignalType; observed_at?: string },
): Promise<{ outcome: "changed" | "unchanged" | "stale"; connection: ApiConnection }> {
  const now = Date.now();
  // The contract refuses a time well in the future; a few seconds of clock skew count as now.
  const observedAt = body.observed_at ? new Date(Math.min(Date.parse(body.observed_at), now)) : undefined;
  const result = await applyHostSignal({ connectionId, type: body.type, observedAt });
  return { outcome: result.outcome, connection: await getApiConnection(connectionId) };
}
