// The "Broken connections" table: filtered in SQL, one page at a time (the per-row figures are only
// computed for the rows on the page, so a page costs the same with 100,000 connections). The page walks
// the partial index of broken connections by statusSince; the total for the pagination comes from the
// fleet counters unless an age or a search narrows it.
import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FleetFilters } from "./fleet-filters";
import { fleetWhere } from "./fleet-where";

export const FLEET_PAGE_SIZE = 50;
/** The CSV export's ceiling: every broken connection of a 100,000-connection fleet fits. */
export const FLEET_EXPORT_LIMIT = 100_000;

export interface BrokenConnectionRow {
  connectionId: string;
  organizationId: string;
  organizationName: string;
  providerId: string;
  providerName: string;
  status: string;
  since: Date;
  detectionPath: string | null;
  emailsDelivered: number;
  linkOpened: boolean;
  reconnectAttempts: number;
  lastReminderAt: Date | null;
}

type RawRow = BrokenConnectionRow & { total: number | null };

export interface ListBrokenConnectionsOptions {
  filters: FleetFilters;
  now?: Date;
  /** Every matching row up to FLEET_EXPORT_LIMIT (the CSV) instead of one page. */
  all?: boolean;
}

/** Where the filters' page starts among the matching rows. */
export function pageOffset(filters: FleetFilters): number {
  return (filters.page - 1) * FLEET_PAGE_SIZE;
}

/** The total from the fleet counters, when the filters are ones they are kept by (status, provider). */
export function totalFromCountersSql(filters: FleetFilters): Prisma.Sql | null {
  if (filters.age || filters.q) return null;
  const conditions = [
    filters.status
      ? Prisma.sql`status = ${filters.status}::"ConnectionStatus"`
      : Prisma.sql`status <> 'healthy'::"ConnectionStatus"`,
  ];
  if (filters.provider) conditions.push(Prisma.sql`"providerId" = ${filters.provider}`);
  return Prisma.sql`(SELECT coalesce(sum(count), 0) FROM "FleetCount" WHERE ${Prisma.join(conditions, " AND ")})`;
}

/** The matching rows' total: from the counters when they keep it, else counted. */
export function countMatchingSql(filters: FleetFilters, where: Prisma.Sql): Prisma.Sql {
  const counters = totalFromCountersSql(filters);
  return counters
    ? Prisma.sql`SELECT ${counters} AS total`
    : Prisma.sql`
        SELECT count(*) AS total FROM "Connection" c JOIN "Organization" org ON org.id = c."organizationId"
         WHERE ${where}`;
}

async function countMatching(filters: FleetFilters, where: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ total: bigint }[]>(countMatchingSql(filters, where));
  return Number(row?.total ?? 0);
}

/**
 * A page's LIMIT or OFFSET as literal text, never a parameter: with `LIMIT $1` PostgreSQL's generic plan
 * for a prepared statement cannot know the page is 50 rows, plans for a tenth of the table (about 45 ms
 * at 100,000 connections), and so plans the statement anew on every run (0.7 ms) rather than use it.
 * Only a non-negative whole number passes.
 */
function pageBound(value: number): Prisma.Sql {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a page bound: ${value}`);
  return Prisma.raw(String(value));
}

/** One page of rows with their figures; `counters` (or NULL) rides along as each row's total. */
export function brokenConnectionsPageSql(page: {
  where: Prisma.Sql;
  counters: Prisma.Sql | null;
  limit: number;
  offset: number;
}): Prisma.Sql {
  const { where, counters, limit, offset } = page;
  return Prisma.sql`
      WITH page AS (
        SELECT c.id, c."organizationId", org.name AS "organizationName", c."providerId", c."providerName",
               c.status, c."statusSince", c."statusSource"
          FROM "Connection" c JOIN "Organization" org ON org.id = c."organizationId"
         WHERE ${where}
         ORDER BY c."statusSince" ASC, c.id ASC
         LIMIT ${pageBound(limit)} OFFSET ${pageBound(offset)})
      SELECT p.id AS "connectionId", p."organizationId", p."organizationName", p."providerId", p."providerName",
             p.status::text AS status, p."statusSince" AS since, p."statusSource"::text AS "detectionPath",
             mail."emailsDelivered", mail."lastReminderAt", seen."linkOpened", seen."reconnectAttempts",
             (${counters ?? Prisma.sql`NULL`})::int AS total
        FROM page p
        -- Since the status began: one pass over the connection's sent emails, one over its events.
        CROSS JOIN LATERAL (
          SELECT (count(*) FILTER (WHERE o.kind IN ('connection_broken', 'reconnect_reminder')))::int AS "emailsDelivered",
                 max(o."sentAt") FILTER (WHERE o.kind = 'reconnect_reminder') AS "lastReminderAt"
            FROM "EmailOutbox" o
           WHERE o."connectionId" = p.id AND o.status = 'sent' AND o."createdAt" >= p."statusSince") mail
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE e.type = 'link_opened') > 0 AS "linkOpened",
                 (count(*) FILTER (WHERE e.type = 'connect_started'))::int AS "reconnectAttempts"
            FROM "ConnectionEvent" e
           WHERE e."connectionId" = p.id AND e."createdAt" >= p."statusSince"
             AND e.type IN ('link_opened', 'connect_started')) seen
       ORDER BY p."statusSince" ASC, p.id ASC`;
}

export async function listBrokenConnections({
  filters,
  now = new Date(),
  all = false,
}: ListBrokenConnectionsOptions): Promise<{ rows: BrokenConnectionRow[]; total: number }> {
  const where = fleetWhere(filters, now);
  const limit = all ? FLEET_EXPORT_LIMIT : FLEET_PAGE_SIZE;
  const offset = all ? 0 : pageOffset(filters);
  // From the counters, the total rides along with the page (one round trip); else it is counted alongside.
  const counters = totalFromCountersSql(filters);
  const [rows, counted] = await Promise.all([
    // Straight from the pool (queryRows): the console's landing page asks this on every visit.
    queryRows<RawRow>(brokenConnectionsPageSql({ where, counters, limit, offset })),
    counters ? null : countMatching(filters, where),
  ]);
  const total = counted ?? (rows[0] ? Number(rows[0].total) : await countMatching(filters, where));
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total,
  };
}
