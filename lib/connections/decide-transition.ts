// The state machine as a decision: from a connection's current status and one signal (a Finch status
// from any detection path), the plan the executor applies in its transaction (lib/signals). Pure: no
// database and no clock, so every status × signal pair is a row in a table test.
import type { ConnectionStatus, DetectionSource } from "@/lib/generated/prisma/enums";
import type { ConnectionEventType } from "./connection-events";
import { defaultReason, toConnectionStatus } from "./connection-status";

export interface CurrentState {
  status: ConnectionStatus;
  finchStatus: string;
  statusReason?: string | null;
}

export interface TransitionSignal {
  /** Finch's status word: connected, reauth, error_permissions, … */
  finchStatus: string;
  source: DetectionSource;
  reason?: string | null;
  /**
   * Multi-entity connections: the reason derived from the entities (deriveConnectionStatus), naming
   * the scope and the entities concerned. Another set of broken entities is a change of its own.
   */
  scopedReason?: string | null;
  at: Date;
}

export interface TransitionContext {
  /** A reauthentication Connect session opened during the open incident is still live. */
  reconnectUnderWay: boolean;
}

export type Restored = "reconnected" | "recovered";

/** What the executor queues in the same transaction (emails, alerts, the outage check). */
export type Notice = { kind: "broken" } | { kind: "ended"; restored: Restored | null };

export interface StatusFields {
  status: ConnectionStatus;
  finchStatus: string;
  statusReason: string | null;
  statusSince: Date;
  statusSource: DetectionSource;
}

export type TransitionPlan =
  | { changed: false; to: ConnectionStatus; checked: { lastCheckedAt: Date; lastSuccessAt?: Date } }
  | {
      changed: true;
      to: ConnectionStatus;
      checked: { lastCheckedAt: Date; lastSuccessAt?: Date };
      status: StatusFields;
      incident: { open: { reason: string | null } } | { close: true } | null;
      event: { type: ConnectionEventType; detail?: string };
      notices: Notice[];
    };

/** The signal repeats what the connection already says: nothing but the check is recorded. */
export function isUnchanged(
  current: CurrentState,
  finchStatus: string,
  scopedReason?: string | null,
): boolean {
  if (scopedReason !== undefined && scopedReason !== (current.statusReason ?? null)) return false;
  return toConnectionStatus(finchStatus) === current.status && finchStatus === current.finchStatus;
}

const RECOVERED_DURING_RECONNECT =
  "Finch reported it healthy while a reconnect through Finch Connect was under way.";

/** How an open incident ends: the history entry, and which "restored" notice (if any) goes out. */
function ending(signal: TransitionSignal, healthy: boolean, context: TransitionContext) {
  if (!healthy)
    return { type: "status_changed" as const, detail: `Finch status: ${signal.finchStatus}`, restored: null };
  if (signal.source === "reconnect")
    return { type: "reconnected" as const, restored: "reconnected" as const };
  // Finch's "connected" webhook often lands just before our Connect callback stores the new token.
  if (context.reconnectUnderWay)
    return {
      type: "recovered" as const,
      detail: RECOVERED_DURING_RECONNECT,
      restored: "reconnected" as const,
    };
  return { type: "recovered" as const, restored: "recovered" as const };
}

export function decideTransition(
  current: CurrentState,
  signal: TransitionSignal,
  context: TransitionContext = { reconnectUnderWay: false },
): TransitionPlan {
  const to = toConnectionStatus(signal.finchStatus);
  const healthy = to === "healthy";
  const checked = { lastCheckedAt: signal.at, ...(healthy && { lastSuccessAt: signal.at }) };
  if (isUnchanged(current, signal.finchStatus, signal.scopedReason)) return { changed: false, to, checked };

  const reason = signal.scopedReason ?? signal.reason ?? defaultReason(signal.finchStatus);
  const status: StatusFields = {
    status: to,
    finchStatus: signal.finchStatus,
    statusReason: healthy ? null : reason,
    statusSince: signal.at,
    statusSource: signal.source,
  };
  const base = { changed: true as const, to, checked, status };
  // A new break opens an incident; another reason for the same break keeps the one already open.
  if (to === "needs_reauth" && current.status !== "needs_reauth")
    return {
      ...base,
      incident: { open: { reason } },
      event: { type: "broken", ...(reason && { detail: reason }) },
      notices: [{ kind: "broken" }],
    };
  if (to === "needs_reauth")
    return {
      ...base,
      incident: null,
      event: { type: "status_changed", detail: reason ?? undefined },
      notices: [],
    };
  if (current.status === "needs_reauth") {
    const { restored, ...event } = ending(signal, healthy, context);
    return { ...base, incident: { close: true }, event, notices: [{ kind: "ended", restored }] };
  }
  const reconnected = healthy && signal.source === "reconnect";
  return {
    ...base,
    incident: null,
    event: {
      type: reconnected ? "reconnected" : "status_changed",
      detail: `Finch status: ${signal.finchStatus}`,
    },
    notices: [],
  };
}
