// The executor for multi-entity connections: records what a detection path learnt about some entities,
// derives the connection's status from all of them (deriveConnectionStatus) and feeds that to the one
// state machine, so incidents, notices, outages, the funnel and alerts follow it and name the entities.
import "server-only";
import { listEntities, recordEntityStatuses, type EntityReport } from "@/lib/connections/connection-entities";
import { deriveConnectionStatus } from "@/lib/connections/derive-connection-status";
import { db, type Tx } from "@/lib/db";
import type { DetectionSource } from "@/lib/generated/prisma/enums";
import { afterConnectionChange } from "./after-connection-change";
import { lockForTransitionSql, transitionConnection, type SignalOutcome } from "./apply-connection-signal";

export interface EntitySignal {
  connectionId: string;
  entities: EntityReport[];
  source: DetectionSource;
  at?: Date;
  actorUserId?: string;
}

/** Whether a connection is tracked per entity (it has entity records). */
export async function isMultiEntity(tx: Tx, connectionId: string): Promise<boolean> {
  return (await tx.connectionEntity.count({ where: { connectionId } })) > 0;
}

/** Applies an entity signal inside the caller's transaction; the caller runs afterConnectionChange. */
export async function transitionEntities(tx: Tx, signal: EntitySignal): Promise<SignalOutcome> {
  const at = signal.at ?? new Date();
  // The connection's row lock serializes concurrent entity reports, as it does connection signals.
  // The transition's own lock, taken first: the companies' rows change under it.
  const [row] = await tx.$queryRaw<{ providerName: string }[]>(lockForTransitionSql(signal.connectionId));
  if (!row) throw new Error(`connection ${signal.connectionId} not found`);
  await recordEntityStatuses(tx, signal.connectionId, signal.entities, at);
  const entities = await listEntities(tx, signal.connectionId);
  const derived = deriveConnectionStatus(entities, row.providerName);
  return transitionConnection(tx, {
    connectionId: signal.connectionId,
    finchStatus: derived.finchStatus,
    scopedReason: derived.reason,
    source: signal.source,
    at,
    actorUserId: signal.actorUserId,
  });
}

/** Applies one entity signal in its own transaction and runs the follow-ups (notifications). */
export async function applyEntityStatuses(signal: EntitySignal): Promise<SignalOutcome> {
  const outcome = await db().$transaction((tx) => transitionEntities(tx, signal));
  await afterConnectionChange(outcome);
  return outcome;
}
