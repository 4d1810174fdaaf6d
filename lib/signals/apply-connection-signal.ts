// The executor of the one state machine behind every detection path (API error, webhook, sweep,
// reconnect): it reads the connection under a row lock, asks decideTransition for the plan, and
// applies it in the same transaction (status, incident, history, notices). Signals are idempotent
// and concurrent ones for one connection are serialized, so a break opens exactly one incident.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { decideTransition, isUnchanged, type TransitionPlan } from "@/lib/connections/decide-transition";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionStatus, DetectionSource } from "@/lib/generated/prisma/enums";
import type { OutageThresholds } from "@/lib/outages/outage-thresholds";
import { afterConnectionChange } from "./after-connection-change";
import { queueIncidentNotices } from "./queue-incident-notices";

export interface ConnectionSignal {
  connectionId: string;
  /** Finch's status word: connected, reauth, error_permissions, … */
  finchStatus: string;
  source: DetectionSource;
  reason?: string | null;
  /** Multi-entity connections: the reason derived from the entities (see decideTransition). */
  scopedReason?: string | null;
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

interface LockedRow {
  status: ConnectionStatus;
  organizationId: string;
  finchStatus: string;
  statusReason: string | null;
  providerId: string;
  providerName: string;
}

/** The connection's row, locked for the rest of the transaction: signals for it apply one at a time. */
export function lockForTransitionSql(connectionId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT status, "organizationId", "finchStatus", "statusReason", "providerId", "providerName"
      FROM "Connection" WHERE id = ${connectionId} FOR UPDATE`;
}

async function lockConnection(tx: Tx, connectionId: string): Promise<LockedRow> {
  const [row] = await tx.$queryRaw<LockedRow[]>(lockForTransitionSql(connectionId));
  if (!row) throw new Error(`connection ${connectionId} not found`);
  return row;
}

/** The incident a change out of "needs reauth" ends, and whether a reconnect opened during it is live. */
async function openIncident(tx: Tx, connectionId: string, at: Date) {
  const open = await tx.incident.findFirst({
    where: { connectionId, resolvedAt: null },
    orderBy: { startedAt: "desc" },
    select: { id: true, startedAt: true },
  });
  if (!open) return { open, reconnectUnderWay: false };
  const attempts = await tx.connectAttempt.count({
    where: {
      connectionId,
      purpose: "reconnect",
      createdAt: { gte: open.startedAt, lte: at },
      expiresAt: { gt: at },
    },
  });
  return { open, reconnectUnderWay: attempts > 0 };
}

/** Applies a signal inside the caller's transaction; the caller must run afterConnectionChange after commit. */
export async function transitionConnection(tx: Tx, signal: ConnectionSignal): Promise<SignalOutcome> {
  const at = signal.at ?? new Date();
  const { connectionId } = signal;
  const row = await lockConnection(tx, connectionId);
  const ending = row.status === "needs_reauth" && !isUnchanged(row, signal.finchStatus, signal.scopedReason);
  const { open, reconnectUnderWay } = ending
    ? await openIncident(tx, connectionId, at)
    : { open: null, reconnectUnderWay: false };
  const plan = decideTransition(row, { ...signal, at }, { reconnectUnderWay });
  const outcome: SignalOutcome = {
    connectionId,
    organizationId: row.organizationId,
    changed: plan.changed,
    from: row.status,
    to: plan.to,
  };
  if (!plan.changed) {
    await tx.connection.update({ where: { id: connectionId }, data: plan.checked });
    return outcome;
  }
  await tx.connection.update({ where: { id: connectionId }, data: { ...plan.status, ...plan.checked } });
  await recordConnectionEvent(tx, {
    connectionId,
    organizationId: row.organizationId,
    source: signal.source,
    actorUserId: signal.actorUserId,
    at,
    ...plan.event,
  });
  const incidentId = await applyIncident(tx, plan, { connectionId, source: signal.source, at, open });
  if (!incidentId) return outcome;
  if (plan.incident && "open" in plan.incident) outcome.openedIncidentId = incidentId;
  else outcome.resolvedIncidentId = incidentId;
  for (const notice of plan.notices) {
    const heldBy = await queueIncidentNotices(tx, notice, {
      incidentId,
      connectionId,
      organizationId: row.organizationId,
      providerId: row.providerId,
      providerName: row.providerName,
      at,
      outageThresholds: signal.outageThresholds,
    });
    if (heldBy) outcome.heldByOutageId = heldBy;
  }
  return outcome;
}

/** Opens or closes the incident the plan names; returns its id (none when there was nothing to close). */
async function applyIncident(
  tx: Tx,
  plan: Extract<TransitionPlan, { changed: true }>,
  {
    connectionId,
    source,
    at,
    open,
  }: { connectionId: string; source: DetectionSource; at: Date; open: { id: string } | null },
): Promise<string | undefined> {
  if (!plan.incident) return undefined;
  if ("open" in plan.incident) {
    const incident = await tx.incident.create({
      data: { connectionId, source, reason: plan.incident.open.reason, startedAt: at },
      select: { id: true },
    });
    return incident.id;
  }
  await tx.incident.updateMany({ where: { connectionId, resolvedAt: null }, data: { resolvedAt: at } });
  return open?.id;
}

/** Applies one detection signal in its own transaction and runs the follow-ups (notifications). */
export async function applyConnectionSignal(signal: ConnectionSignal): Promise<SignalOutcome> {
  const outcome = await db().$transaction((tx) => transitionConnection(tx, signal));
  await afterConnectionChange(outcome);
  return outcome;
}
