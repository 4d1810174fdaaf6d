// The state machine's fast path for the usual report, "nothing changed": one statement instead of a
// locked transaction, for the webhook (which also records the event id and pushes the next check)
// and for the sweep. A report that changes the status records nothing here and goes to
// applyConnectionSignal, which records the event in the same transaction as the change.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toConnectionStatus, type FinchConnectionStatus } from "@/lib/connections/connection-status";
import { pushedNextCheckAt } from "@/lib/connections/sweep-schedule";

export interface StatusReport {
  eventId: string;
  finchConnectionId: string;
  finchStatus: FinchConnectionStatus;
  authenticationType?: string;
  at?: Date;
}

export type UnchangedStatusResult =
  { kind: "recorded"; connectionId: string | null } | { kind: "duplicate" } | { kind: "changes_status" };

/** The webhook's fast path as one statement (see recordUnchangedStatus). */
export function recordUnchangedStatusSql(report: StatusReport, at: Date): Prisma.Sql {
  const to = toConnectionStatus(report.finchStatus);
  const healthy = to === "healthy";
  const auth = report.authenticationType ?? null;
  // Finch just told us: the continuous sweep need not ask for most of a target period.
  const nextCheckAt = pushedNextCheckAt(at);
  // Data-modifying CTEs run exactly once whether or not the final SELECT reads them. An unknown
  // connection's event is recorded too (with no connection), so its redeliveries count as duplicates.
  return Prisma.sql`
    WITH conn AS (
      -- A multi-entity connection's status derives from its entities: every report goes to the state machine.
      SELECT id, (status = ${to}::"ConnectionStatus" AND "finchStatus" = ${report.finchStatus}
        AND NOT EXISTS (SELECT 1 FROM "ConnectionEntity" e WHERE e."connectionId" = "Connection".id)) AS unchanged
      FROM "Connection" WHERE "finchConnectionId" = ${report.finchConnectionId}
    ), ins AS (
      INSERT INTO "FinchWebhookEvent" (id, "eventType", "connectionId")
      SELECT ${report.eventId}, 'account.updated', (SELECT id FROM conn)
      WHERE NOT EXISTS (SELECT 1 FROM conn WHERE NOT unchanged)
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    ), touched AS (
      UPDATE "Connection" c
      SET "lastCheckedAt" = ${at},
          "lastSuccessAt" = CASE WHEN ${healthy} THEN ${at} ELSE c."lastSuccessAt" END,
          "authenticationType" = COALESCE(${auth}, c."authenticationType"),
          "nextCheckAt" = GREATEST(COALESCE(c."nextCheckAt", ${at}), ${nextCheckAt}),
          "updatedAt" = ${at}
      FROM conn, ins
      WHERE c.id = conn.id AND c.status = ${to}::"ConnectionStatus" AND c."finchStatus" = ${report.finchStatus}
      RETURNING c.id
    )
    SELECT (SELECT id FROM conn) AS "connectionId", (SELECT unchanged FROM conn) AS unchanged,
      EXISTS (SELECT 1 FROM ins) AS recorded`;
}

export async function recordUnchangedStatus(report: StatusReport): Promise<UnchangedStatusResult> {
  const [row] = await db().$queryRaw<
    { connectionId: string | null; unchanged: boolean | null; recorded: boolean }[]
  >(recordUnchangedStatusSql(report, report.at ?? new Date()));
  if (row.recorded) return { kind: "recorded", connectionId: row.connectionId };
  // Not recorded: either the id was seen before (or is being recorded concurrently), or the report
  // changes the connection's status and belongs to the state machine.
  return row.unchanged === false ? { kind: "changes_status" } : { kind: "duplicate" };
}

/**
 * The sweep's answer, when it is the status the connection already has (nearly every check): the
 * check is noted (lastCheckedAt, and lastSuccessAt when healthy) only while the row still holds
 * exactly this status. Returns false when the answer changes something: then it is a signal.
 */
export async function recordUnchangedCheck(
  connectionId: string,
  finchStatus: FinchConnectionStatus,
): Promise<boolean> {
  const at = new Date();
  const status = toConnectionStatus(finchStatus);
  const { count } = await db().connection.updateMany({
    where: { id: connectionId, finchStatus, status },
    data: { lastCheckedAt: at, ...(status === "healthy" && { lastSuccessAt: at }) },
  });
  return count === 1;
}
