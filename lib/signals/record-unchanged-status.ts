// The webhook's hot path in one statement: when Finch reports the status the connection already
// has (the usual case), record the event id and note the check, with no transaction and no row lock.
// A report that changes the status records nothing here and is left to the state machine, which
// records the event in the same transaction as the change.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { toConnectionStatus, type FinchConnectionStatus } from "@/lib/connections/connection-status";

export interface StatusReport {
  eventId: string;
  finchConnectionId: string;
  finchStatus: FinchConnectionStatus;
  authenticationType?: string;
  at?: Date;
}

export type UnchangedStatusResult =
  { kind: "recorded"; connectionId: string | null } | { kind: "duplicate" } | { kind: "changes_status" };

export async function recordUnchangedStatus(report: StatusReport): Promise<UnchangedStatusResult> {
  const to = toConnectionStatus(report.finchStatus);
  const healthy = to === "healthy";
  const at = report.at ?? new Date();
  const auth = report.authenticationType ?? null;
  // Finch just told us: the continuous sweep need not ask for most of a target period (sweep-schedule.ts).
  const nextCheckAt = new Date(at.getTime() + env().SWEEP_TARGET_HOURS * 0.8 * 3_600_000);
  // Data-modifying CTEs run exactly once whether or not the final SELECT reads them. An unknown
  // connection's event is recorded too (with no connection), so its redeliveries count as duplicates.
  const [row] = await db().$queryRaw<
    { connectionId: string | null; unchanged: boolean | null; recorded: boolean }[]
  >`
    WITH conn AS (
      SELECT id, (status = ${to}::"ConnectionStatus" AND "finchStatus" = ${report.finchStatus}) AS unchanged
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
  if (row.recorded) return { kind: "recorded", connectionId: row.connectionId };
  // Not recorded: either the id was seen before (or is being recorded concurrently), or the report
  // changes the connection's status and belongs to the state machine.
  return row.unchanged === false ? { kind: "changes_status" } : { kind: "duplicate" };
}
