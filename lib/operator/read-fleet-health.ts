// The Fleet health page's data in one statement: the overview's counts and open outages, and the
// first page of Broken connections (as JSON in the same row), like the customer dashboard's one
// statement. Only a search or an age filter adds a count of its own, side by side.
import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FleetFilters } from "./fleet-filters";
import {
  fleetOverviewSql,
  toFleetOverview,
  type FleetOverview,
  type OverviewRow,
} from "./get-fleet-overview";
import {
  brokenRowsSql,
  countBroken,
  countIfNeeded,
  type BrokenConnectionRow,
} from "./list-broken-connections";

export interface FleetHealth {
  overview: FleetOverview;
  broken: { rows: BrokenConnectionRow[]; total: number };
}

/** A page row as to_jsonb writes it: timestamps without a zone, in UTC as Prisma stores them. */
type JsonRow = Omit<BrokenConnectionRow, "since" | "lastReminderAt"> & {
  since: string;
  lastReminderAt: string | null;
  total: number | null;
};

const utc = (timestamp: string) => new Date(`${timestamp}Z`);

export async function readFleetHealth({
  filters,
  now = new Date(),
}: {
  filters: FleetFilters;
  now?: Date;
}): Promise<FleetHealth> {
  const [[row], counted] = await Promise.all([
    queryRows<OverviewRow & { page: JsonRow[] }>(Prisma.sql`
      WITH p AS (${brokenRowsSql({ filters, now })})
      SELECT o.*, (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.since, p."connectionId"), '[]'::jsonb)
                     FROM p) AS page
        FROM (${fleetOverviewSql(now)}) o`),
    countIfNeeded(filters, now),
  ]);
  const page = row?.page ?? [];
  const rows = page.map(({ total: _total, since, lastReminderAt, ...rest }) => ({
    ...rest,
    since: utc(since),
    lastReminderAt: lastReminderAt === null ? null : utc(lastReminderAt),
  }));
  // A page past the last row carries no total; the counters still know it.
  const total = counted ?? page[0]?.total ?? (await countBroken(filters, now));
  return { overview: await toFleetOverview(row), broken: { rows, total } };
}
