// The host API's detection path: the host's own backend reports what Finch answered it
// ("reauthenticate_user" or "ok"). It feeds the one state machine with source host_api, so a repeat
// changes nothing and a report older than the connection's current status is set aside as stale.
import "server-only";
import { listEntities } from "@/lib/connections/connection-entities";
import { deriveConnectionStatus } from "@/lib/connections/derive-connection-status";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { afterConnectionChange } from "./after-connection-change";
import { lockForTransitionSql, transitionConnection, type SignalOutcome } from "./apply-connection-signal";
import { isMultiEntity } from "./apply-entity-statuses";

export type HostSignalType = "reauthenticate_user" | "ok";

export const HOST_REAUTH_REASON =
  "The app that uses this connection got 401 reauthenticate_user from Finch: the provider asks for the connection to be authorized again.";

export interface HostSignal {
  connectionId: string;
  type: HostSignalType;
  /** When the host saw Finch's answer; now when absent. */
  observedAt?: Date;
}

export type HostSignalResult =
  { outcome: "stale"; statusSince: Date } | { outcome: "changed" | "unchanged"; signal: SignalOutcome };

/**
 * The host's 401 names no entity, so on a multi-entity connection it breaks the connection as a whole.
 * Its "ok" proves the token works, but not for which companies: the stored companies' statuses decide,
 * so a company known to be broken stays broken.
 */
async function decideSignal(tx: Tx, signal: HostSignal, providerName: string) {
  if (signal.type === "reauthenticate_user")
    return { finchStatus: "reauth", reason: HOST_REAUTH_REASON } as const;
  if (!(await isMultiEntity(tx, signal.connectionId))) return { finchStatus: "connected" } as const;
  const derived = deriveConnectionStatus(await listEntities(tx, signal.connectionId), providerName);
  return { finchStatus: derived.finchStatus, scopedReason: derived.reason } as const;
}

export async function applyHostSignal(signal: HostSignal): Promise<HostSignalResult> {
  const at = signal.observedAt ?? new Date();
  const result = await db().$transaction(async (tx): Promise<HostSignalResult> => {
    // Locked first, so the stale check and the change see the same status.
    const [row] = await tx.$queryRaw<{ providerName: string }[]>(lockForTransitionSql(signal.connectionId));
    if (!row) throw new AppError("not_found", "No connection has this id.");
    const { statusSince } = await tx.connection.findUniqueOrThrow({
      where: { id: signal.connectionId },
      select: { statusSince: true },
    });
    if (at < statusSince) return { outcome: "stale", statusSince };
    const decided = await decideSignal(tx, signal, row.providerName);
    const outcome = await transitionConnection(tx, {
      connectionId: signal.connectionId,
      source: "host_api",
      at,
      ...decided,
    });
    return { outcome: outcome.changed ? "changed" : "unchanged", signal: outcome };
  });
  if (result.outcome !== "stale") await afterConnectionChange(result.signal);
  return result;
}
