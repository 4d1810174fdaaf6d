// The one state machine behind every detection path (API error, webhook, sweep, reconnect):
// signals are idempotent, and concurrent signals for one connection are serialized by a row lock,
// so a breakage opens exactly one incident however many paths report it.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { ConnectionStatus, DetectionSource } from "@/lib/generated/prisma/enums";
import { closeIncidentEmails } from "@/lib/notifications/close-incident-emails";
import { queueBrokenEmails } from "@/lib/notifications/queue-broken-emails";
import { holdNoticesDuringOutage } from "@/lib/outages/hold-notices-during-outage";
import type { OutageThresholds } from "@/lib/outages/outage-thresholds";
import { afterConnectionChange } from "./after-connection-change";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { defaultReason, toConnectionStatus } from "@/lib/connections/connection-status";
import { queueAlerts } from "@/lib/alerts/queue-alerts";

export interface ConnectionSignal {
  connectionId: string;
  /** Finch's status word: connected, reauth, error_permissions, … */
  finchStatus: string;
  source: DetectionSource;
  reason?: string | null;
  at?: Date;
  actorUserId?: string;
  /** Provider-outage thresholds; the settings (OUTAGE_*) unless a test injects its own. */
  outageThresholds?: OutageThresholds;
}

export interface SignalOutcome {
  connectionId: string;
  organizationId: string;
  changed: boolean;
  from: ConnectionStatus;
  to: ConnectionStatus;
  /** Set when this signal opened a new incident (the connection just broke). */
  openedIncidentId?: string;
  /** Set when this signal resolved an incident (the connection just recovered). */
  resolvedIncidentId?: string;
  /** Set when a provider outage holds this breakage's emails. */
  heldByOutageId?: string;
}

/** How an open incident ends: the history entry, and which "restored" email (if any) goes out. */
function incidentEnding(
  source: DetectionSource,
  healthy: boolean,
): { type: "reconnected" | "recovered" | "status_changed"; restored: "reconnected" | "recovered" | null } {
  if (source === "reconnect") return { type: "reconnected", restored: healthy ? "reconnected" : null };
  if (healthy) return { type: "recovered", restored: "recovered" };
  return { type: "status_changed", restored: null };
}

/** Applies a signal inside the caller's transaction; the caller must run afterConnectionChange after commit. */
export async function transitionConnection(tx: Tx, signal: ConnectionSignal): Promise<SignalOutcome> {
  const at = signal.at ?? new Date();
  const [row] = await tx.$queryRaw<
    {
      status: ConnectionStatus;
      organizationId: string;
      finchStatus: string;
      providerId: string;
      providerName: string;
    }[]
  >`
    SELECT status, "organizationId", "finchStatus", "providerId", "providerName"
      FROM "Connection" WHERE id = ${signal.connectionId} FOR UPDATE`;
  if (!row) throw new Error(`connection ${signal.connectionId} not found`);
  const to = toConnectionStatus(signal.finchStatus);
  const base = {
    connectionId: signal.connectionId,
    organizationId: row.organizationId,
    from: row.status,
    to,
  };
  const healthy = to === "healthy";

  if (to === row.status && signal.finchStatus === row.finchStatus) {
    await tx.connection.update({
      where: { id: signal.connectionId },
      data: { lastCheckedAt: at, ...(healthy ? { lastSuccessAt: at } : {}) },
    });
    return { ...base, changed: false };
  }

  const reason = signal.reason ?? defaultReason(signal.finchStatus);
  await tx.connection.update({
    where: { id: signal.connectionId },
    data: {
      status: to,
      finchStatus: signal.finchStatus,
      statusReason: healthy ? null : reason,
      statusSince: at,
      statusSource: signal.source,
      lastCheckedAt: at,
      ...(healthy ? { lastSuccessAt: at } : {}),
    },
  });

  const outcome: SignalOutcome = { ...base, changed: true };
  const event = {
    connectionId: signal.connectionId,
    organizationId: row.organizationId,
    source: signal.source,
    actorUserId: signal.actorUserId,
    at,
  };
  if (to === "needs_reauth") {
    const incident = await tx.incident.create({
      data: { connectionId: signal.connectionId, source: signal.source, reason, startedAt: at },
      select: { id: true },
    });
    outcome.openedIncidentId = incident.id;
    await recordConnectionEvent(tx, { ...event, type: "broken", detail: reason ?? undefined });
    // In this transaction, so the emails exist exactly when the incident does (the outbox).
    await queueBrokenEmails(tx, {
      incidentId: incident.id,
      connectionId: signal.connectionId,
      organizationId: row.organizationId,
      at,
    });
    await queueAlerts(tx, {
      event: "connection.broken",
      incidentId: incident.id,
      connectionId: signal.connectionId,
      organizationId: row.organizationId,
      at,
    });
    // A burst of breakages at one provider holds those notices back (a provider outage).
    outcome.heldByOutageId =
      (await holdNoticesDuringOutage(tx, {
        providerId: row.providerId,
        providerName: row.providerName,
        at,
        thresholds: signal.outageThresholds,
      })) ?? undefined;
  } else if (row.status === "needs_reauth") {
    const open = await tx.incident.findFirst({
      where: { connectionId: signal.connectionId, resolvedAt: null },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    await tx.incident.updateMany({
      where: { connectionId: signal.connectionId, resolvedAt: null },
      data: { resolvedAt: at },
    });
    outcome.resolvedIncidentId = open?.id;
    const { type, restored } = incidentEnding(signal.source, healthy);
    // Finch's "connected" webhook often lands just before our Connect callback stores the new token.
    const duringReconnect =
      type === "recovered" &&
      (await tx.connectAttempt.count({
        where: { connectionId: signal.connectionId, purpose: "reconnect", expiresAt: { gt: at } },
      })) > 0;
    let detail: string | undefined;
    if (!healthy) detail = `Finch status: ${signal.finchStatus}`;
    else if (duringReconnect)
      detail = "Finch reported it healthy while a reconnect through Finch Connect was under way.";
    await recordConnectionEvent(tx, { ...event, type, detail });
    if (open) {
      await closeIncidentEmails(tx, {
        incidentId: open.id,
        connectionId: signal.connectionId,
        organizationId: row.organizationId,
        at,
        restored,
      });
      if (restored)
        await queueAlerts(tx, {
          event: "connection.restored",
          incidentId: open.id,
          connectionId: signal.connectionId,
          organizationId: row.organizationId,
          at,
          how: restored,
        });
    }
  } else {
    await recordConnectionEvent(tx, {
      ...event,
      type: healthy && signal.source === "reconnect" ? "reconnected" : "status_changed",
      detail: `Finch status: ${signal.finchStatus}`,
    });
  }
  return outcome;
}

/** Applies one detection signal in its own transaction and runs the follow-ups (notifications). */
export async function applyConnectionSignal(signal: ConnectionSignal): Promise<SignalOutcome> {
  const outcome = await db().$transaction((tx) => transitionConnection(tx, signal));
  await afterConnectionChange(outcome);
  return outcome;
}
