// The operator console's statements: fleet health, the broken-connections table, the funnel, outages.
import { advisoryXactLockSql } from "@/lib/concurrency/advisory-lock-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldBrokenAgesSql, foldFleetCountsSql, foldRepairFunnelSql } from "@/lib/operator/compact-rollups";
import type { FleetFilters } from "@/lib/operator/fleet-filters";
import { fleetWhere } from "@/lib/operator/fleet-where";
import { fleetOverviewSql } from "@/lib/operator/get-fleet-overview";
import { fleetHealthSql } from "@/lib/operator/read-fleet-health";
import { failedEmailsSql, outboxStatusSql } from "@/lib/operator/get-machinery-status";
import { repairFunnelSql } from "@/lib/operator/get-repair-funnel";
import {
  brokenConnectionsPageSql,
  countMatchingSql,
  totalFromCountersSql,
} from "@/lib/operator/list-broken-connections";
import { cancelRecoveredNoticesSql } from "@/lib/outages/close-provider-incident";
import { holdNoticesSql, recentBreaksSql } from "@/lib/outages/hold-notices-during-outage";
import { openOutagesSql } from "@/lib/outages/list-open-outages";
import { OUTBOXES } from "@/lib/outbox/outboxes";
import type { FileStatements } from "./index";

const now = new Date();
// Every branch of the filters: none, status and provider (the counters keep those), age and search.
const FILTERS: FleetFilters[] = [
  { page: 1 },
  { status: "needs_reauth", provider: "gusto", page: 2 },
  { age: "1_3d", q: "acme", page: 1 },
  { age: "over_7d", page: 1 },
];
const orNull = (sql: Prisma.Sql | null) => Prisma.sql`SELECT ${sql ?? Prisma.sql`NULL`} AS total`;

export const OPERATOR_SQL: Record<string, FileStatements> = {
  "lib/concurrency/advisory-lock-sql.ts": { advisoryXactLockSql: () => [advisoryXactLockSql("key")] },
  "lib/operator/compact-rollups.ts": {
    foldFleetCountsSql: () => [foldFleetCountsSql()],
    foldBrokenAgesSql: () => [foldBrokenAgesSql()],
    foldRepairFunnelSql: () => [foldRepairFunnelSql()],
  },
  // Its conditions are planned inside the broken-connections statements below, one filter set each.
  "lib/operator/fleet-where.ts": {},
  "lib/operator/get-fleet-overview.ts": { fleetOverviewSql: () => [fleetOverviewSql(now)] },
  "lib/operator/read-fleet-health.ts": {
    fleetHealthSql: () => FILTERS.map((filters) => fleetHealthSql(filters, now)),
  },
  "lib/operator/get-machinery-status.ts": {
    outboxStatusSql: () => [outboxStatusSql()],
    failedEmailsSql: () => [failedEmailsSql(50)],
  },
  "lib/operator/get-repair-funnel.ts": {
    repairFunnelSql: () => [repairFunnelSql("2026-01-01", "2026-02-01")],
  },
  "lib/operator/list-broken-connections.ts": {
    totalFromCountersSql: () => FILTERS.map((filters) => orNull(totalFromCountersSql(filters))),
    countMatchingSql: () => FILTERS.map((filters) => countMatchingSql(filters, fleetWhere(filters, now))),
    brokenConnectionsPageSql: () =>
      FILTERS.map((filters) =>
        brokenConnectionsPageSql({
          where: fleetWhere(filters, now),
          counters: totalFromCountersSql(filters),
          limit: 50,
          offset: 50,
        }),
      ),
  },
  // Uses advisoryXactLockSql (above) and Prisma's own queries.
  "lib/operator/resend-reconnect-email.ts": {},
  "lib/outages/close-provider-incident.ts": {
    cancelRecoveredNoticesSql: () =>
      Object.values(OUTBOXES).map((outbox) => cancelRecoveredNoticesSql(outbox, "pi", now)),
  },
  "lib/outages/hold-notices-during-outage.ts": {
    recentBreaksSql: () => [recentBreaksSql("gusto", now, now)],
    holdNoticesSql: () =>
      Object.values(OUTBOXES).map((outbox) =>
        holdNoticesSql(outbox, { outageId: "pi", providerId: "gusto", since: now, at: now }),
      ),
  },
  "lib/outages/list-open-outages.ts": { openOutagesSql: () => [openOutagesSql()] },
  // Fragments (the outbox tables and their "broken notice" conditions), planned in the two files above.
  "lib/outbox/outboxes.ts": {},
};
