// The Fleet health page's reads in one statement: the counters and outages (get-fleet-overview.ts), one
// page of broken connections and their total (list-broken-connections.ts). The page reads it beside the
// operator's gate (requireOperatorWith), so the console's landing page costs one round trip, not three;
// readFleetHealth reads it alone, in the same JSON shape.
import "server-only";
import { jsonRowSql, queryRows, utcDate } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FleetFilters } from "./fleet-filters";
import { fleetWhere } from "./fleet-where";
import {
  fleetOverviewSql,
  toFleetOverview,
  type FleetOverview,
  type OverviewRow,
} from "./get-fleet-overview";
import {
  brokenConnectionsPageSql,
  countMatchingSql,
  FLEET_PAGE_SIZE,
  pageOffset,
  type BrokenConnectionRow,
} from "./list-broken-connections";

/** A broken-connection row as JSON carries it: times as ISO text. */
type JsonBrokenRow = Omit<BrokenConnectionRow, "since" | "lastReminderAt"> & {
  since: string;
  lastReminderAt: string | null;
  /** The page statement's ride-along total, NULL here: the total is its own column. */
  total?: number | null;
};

export interface FleetHealthRow extends OverviewRow {
  brokenTotal: number;
  brokenRows: JsonBrokenRow[];
}

export interface FleetHealth {
  overview: FleetOverview;
  broken: { rows: BrokenConnectionRow[]; total: number };
}

export function fleetHealthSql(filters: FleetFilters, now: Date): Prisma.Sql {
  const where = fleetWhere(filters, now);
  const offset = pageOffset(filters);
  const page = brokenConnectionsPageSql({ where, counters: null, limit: FLEET_PAGE_SIZE, offset });
  return Prisma.sql`
    SELECT o.*, (${countMatchingSql(filters, where)}) AS "brokenTotal",
           (SELECT coalesce(json_agg(p ORDER BY p.since, p."connectionId"), '[]'::json) FROM (${page}) p)
             AS "brokenRows"
      FROM (${fleetOverviewSql(now)}) o`;
}

export async function toFleetHealth(row: FleetHealthRow): Promise<FleetHealth> {
  const rows = row.brokenRows.map(({ total: _total, ...json }) => ({
    ...json,
    since: utcDate(json.since),
    lastReminderAt: json.lastReminderAt === null ? null : utcDate(json.lastReminderAt),
  }));
  return { overview: await toFleetOverview(row), broken: { rows, total: Number(row.brokenTotal) } };
}

/** The page's reads without the gate (tests, and anything that has already checked who is asking). */
export async function readFleetHealth({
  filters,
  now = new Date(),
}: {
  filters: FleetFilters;
  now?: Date;
}): Promise<FleetHealth> {
  const [{ data }] = await queryRows<{ data: FleetHealthRow }>(jsonRowSql(fleetHealthSql(filters, now)));
  return toFleetHealth(data);
}
