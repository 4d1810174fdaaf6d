// The dashboard's one-line health summary for an organization, in one SQL statement: uptime over the
// last 30 days across its connections (total downtime over total time watched), incidents in that
// window, how many are open now, and the median time to repair.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export interface OrganizationHealth {
  connections: number;
  uptime30: number | null;
  incidents30: number;
  openIncidents: number;
  medianRepairSeconds: number | null;
}

export interface OrganizationHealthRow {
  connections: number;
  watched: number | null;
  down: number | null;
  incidents30: number;
  open: number;
  median_repair: number | null;
}

/** The statement for an organization id given as SQL (a value, or a subquery in a bigger statement). */
export function organizationHealthSql(organizationId: Prisma.Sql, now: Date): Prisma.Sql {
  const at = now.toISOString();
  return Prisma.sql`
    WITH clock AS (SELECT (${at}::timestamptz AT TIME ZONE 'UTC') AS now),
    conn AS (
      SELECT c.id, GREATEST(clock.now - interval '30 days', c."createdAt") AS since
        FROM "Connection" c, clock WHERE c."organizationId" = ${organizationId}
    ),
    outage AS (
      SELECT conn.since, i."startedAt" AS started, i."resolvedAt" IS NOT NULL AS resolved,
             LEAST(COALESCE(i."resolvedAt", clock.now), clock.now) AS ended
        FROM "Incident" i JOIN conn ON conn.id = i."connectionId", clock
       WHERE i."startedAt" < clock.now AND COALESCE(i."resolvedAt", clock.now) > conn.since
    )
    SELECT
      (SELECT COUNT(*) FROM conn)::int AS connections,
      (SELECT SUM(GREATEST(0, EXTRACT(EPOCH FROM clock.now - conn.since))) FROM conn)::float8 AS watched,
      (SELECT SUM(EXTRACT(EPOCH FROM o.ended - GREATEST(o.started, o.since))) FROM outage o)::float8 AS down,
      (SELECT COUNT(*) FROM outage)::int AS incidents30,
      (SELECT COUNT(*) FROM outage o WHERE NOT o.resolved)::int AS open,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM o.ended - o.started))
         FROM outage o WHERE o.resolved)::float8 AS median_repair
    FROM clock`;
}

export function toOrganizationHealth(row: OrganizationHealthRow): OrganizationHealth {
  return {
    connections: row.connections,
    uptime30: row.watched ? 1 - (row.down ?? 0) / row.watched : null,
    incidents30: row.incidents30,
    openIncidents: row.open,
    medianRepairSeconds: row.median_repair,
  };
}

export async function organizationHealth({
  organizationId,
  now = new Date(),
}: {
  organizationId: string;
  now?: Date;
}): Promise<OrganizationHealth> {
  const [row] = await db().$queryRaw<OrganizationHealthRow[]>(
    organizationHealthSql(Prisma.sql`${organizationId}`, now),
  );
  return toOrganizationHealth(row);
}
