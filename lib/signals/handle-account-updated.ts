// Applies an account.updated webhook. A report of the status the connection already has (most of
// them) is one statement (recordUnchangedStatus). A change records the event id and moves the
// connection in one transaction, so a delivery counts as seen only if its change was committed (a
// retry of a delivery that failed half-way is applied, not dropped as a duplicate), and a redelivery
// does nothing.
import "server-only";
import { listEntities } from "@/lib/connections/connection-entities";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterConnectionChange } from "./after-connection-change";
import { transitionConnection, type SignalOutcome } from "./apply-connection-signal";
import type { FinchConnectionStatus } from "@/lib/connections/connection-status";
import { recordUnchangedStatus } from "./record-unchanged-status";
import { isMultiEntity, transitionEntities } from "./apply-entity-statuses";
import { pushNextCheck } from "@/lib/connections/sweep-schedule";

export interface HandleAccountUpdatedOptions {
  eventId: string;
  finchConnectionId: string;
  finchStatus: FinchConnectionStatus;
  /** Multi-entity mode: the entity this event is about. */
  finchEntityId?: string;
  authenticationType?: string;
}

export type AccountUpdatedResult =
  | { kind: "applied"; connectionId: string; changed: boolean }
  | { kind: "duplicate" }
  | { kind: "unknown_connection" };

/** Records the event once (its id is the primary key); a redelivery inserts nothing. */
export function recordWebhookEventSql(eventId: string, connectionId: string | null): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO "FinchWebhookEvent" (id, "eventType", "connectionId")
      VALUES (${eventId}, 'account.updated', ${connectionId})
      ON CONFLICT (id) DO NOTHING`;
}

export async function handleAccountUpdated(
  options: HandleAccountUpdatedOptions,
): Promise<AccountUpdatedResult> {
  const { eventId, finchConnectionId, finchStatus, authenticationType } = options;
  const quick = await recordUnchangedStatus(options);
  if (quick.kind === "duplicate") return quick;
  if (quick.kind === "recorded")
    return quick.connectionId
      ? { kind: "applied", connectionId: quick.connectionId, changed: false }
      : { kind: "unknown_connection" };
  const connection = await db().connection.findUnique({
    where: { finchConnectionId },
    select: { id: true, authenticationType: true },
  });
  const outcome = await db().$transaction(
    async (tx): Promise<SignalOutcome | "duplicate" | "unknown_connection"> => {
      // A concurrent redelivery waits on the primary key here and then inserts nothing.
      const inserted = await tx.$executeRaw(recordWebhookEventSql(eventId, connection?.id ?? null));
      if (inserted === 0) return "duplicate";
      if (!connection) return "unknown_connection";
      const signal = (await isMultiEntity(tx, connection.id))
        ? await transitionEntities(tx, {
            connectionId: connection.id,
            entities: await entityReports(tx, connection.id, finchStatus, options.finchEntityId),
            source: "webhook",
          })
        : await transitionConnection(tx, { connectionId: connection.id, finchStatus, source: "webhook" });
      await pushNextCheck(tx, connection.id); // the sweep need not ask what Finch just told us
      if (authenticationType && authenticationType !== connection.authenticationType) {
        await tx.connection.update({ where: { id: connection.id }, data: { authenticationType } });
      }
      return signal;
    },
  );
  if (outcome === "duplicate" || outcome === "unknown_connection") return { kind: outcome };
  await afterConnectionChange(outcome);
  return { kind: "applied", connectionId: outcome.connectionId, changed: outcome.changed };
}

/** An entity's event is about that entity; a connection-wide one on a multi-entity connection, about each live one. */
async function entityReports(tx: Tx, connectionId: string, finchStatus: string, finchEntityId?: string) {
  if (finchEntityId) return [{ finchEntityId, finchStatus }];
  const entities = await listEntities(tx, connectionId);
  return entities
    .filter((e) => e.finchStatus !== "disconnected")
    .map((e) => ({ finchEntityId: e.finchEntityId, finchStatus }));
}
