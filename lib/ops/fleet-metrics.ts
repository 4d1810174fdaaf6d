// Fleet-wide gauges read from the database at scrape time (connections by status, open incidents,
// outbox backlog, sweep staleness, Finch budget), cached briefly so several replicas scraped every
// 15 s cost the database a few small queries a scrape interval.
import "server-only";
import { Gauge } from "prom-client";
import { db } from "@/lib/db";
import { getFinchBudgetUsage } from "@/lib/finch/budget/get-finch-budget-usage";
import { getSweepCoverage } from "@/lib/sweep/get-sweep-coverage";
import { METRIC_PREFIX, metrics } from "@/lib/observability/metrics";

export const FLEET_CACHE_MS = 10_000;

type Labelled = { labels: Record<string, string>; value: number };

export interface FleetSnapshot {
  connections: Labelled[];
  incidentsOpen: Labelled[];
  outboxPending: Labelled[];
  outboxOldestAgeSeconds: Labelled[];
  sweepWorstStalenessSeconds: number;
  finchBudgetAvailable: Labelled[];
}

interface OutboxRow {
  kind: string;
  pending: number;
  oldest: number;
}

/** Connections by status, from the counters the triggers keep (FleetCount): no scan of the fleet. */
export const CONNECTIONS_BY_STATUS_SQL = `
  SELECT status::text AS status, sum(count)::int AS n FROM "FleetCount" GROUP BY status`;

export const OPEN_INCIDENTS_SQL = `
  SELECT "providerName" AS provider, count(*)::int AS n FROM "Incident"
  WHERE "resolvedAt" IS NULL GROUP BY "providerName"`;

// Alerts are labelled by their event, prefixed, beside the email kinds.
export const OUTBOX_BACKLOG_SQL = `
  SELECT kind, count(*)::int AS pending,
         EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("createdAt"))::float8 AS oldest
  FROM (SELECT kind, "createdAt" FROM "EmailOutbox" WHERE status IN ('pending', 'held')
        UNION ALL
        SELECT 'alert:' || event, "createdAt" FROM "AlertOutbox" WHERE status IN ('pending', 'held')) AS rows
  GROUP BY kind`;

async function readFleet(): Promise<FleetSnapshot> {
  const [byStatus, incidents, outbox, coverage, budget] = await Promise.all([
    db().$queryRawUnsafe<{ status: string; n: number }[]>(CONNECTIONS_BY_STATUS_SQL),
    db().$queryRawUnsafe<{ provider: string; n: number }[]>(OPEN_INCIDENTS_SQL),
    db().$queryRawUnsafe<OutboxRow[]>(OUTBOX_BACKLOG_SQL),
    getSweepCoverage(),
    getFinchBudgetUsage(),
  ]);
  return {
    connections: byStatus.map((row) => ({ labels: { status: row.status }, value: row.n })),
    incidentsOpen: incidents.map((row) => ({ labels: { provider: row.provider }, value: row.n })),
    outboxPending: outbox.map((row) => ({ labels: { kind: row.kind }, value: row.pending })),
    outboxOldestAgeSeconds: outbox.map((row) => ({
      labels: { kind: row.kind },
      value: Math.max(0, Math.round(row.oldest)),
    })),
    sweepWorstStalenessSeconds: coverage.worstStalenessSeconds,
    finchBudgetAvailable: budget.map((usage) => ({
      labels: { class: usage.key },
      value: Math.floor(usage.lanes.interactive.available + usage.lanes.shared.available),
    })),
  };
}

const globalForFleet = globalThis as unknown as {
  payrollFleet?: { at: number; snapshot: Promise<FleetSnapshot> };
  payrollFleetGauges?: boolean;
};

/** The fleet as of at most FLEET_CACHE_MS ago; concurrent scrapes share one read. */
export function fleetSnapshot(now = Date.now()): Promise<FleetSnapshot> {
  const cached = globalForFleet.payrollFleet;
  if (cached && now - cached.at < FLEET_CACHE_MS) return cached.snapshot;
  const snapshot = readFleet();
  globalForFleet.payrollFleet = { at: now, snapshot };
  snapshot.catch(() => (globalForFleet.payrollFleet = undefined));
  return snapshot;
}

/** Registers the fleet gauges once per process; each reads the shared snapshot when scraped. */
export function registerFleetGauges(): void {
  if (globalForFleet.payrollFleetGauges) return;
  globalForFleet.payrollFleetGauges = true;
  const { registry } = metrics();
  const gauge = (name: string, help: string, labelNames: string[], pick: (f: FleetSnapshot) => Labelled[]) =>
    new Gauge({
      name: METRIC_PREFIX + name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        // Without the database the fleet gauges are left out; the process metrics still answer.
        const fleet = await fleetSnapshot().catch(() => null);
        for (const { labels, value } of fleet ? pick(fleet) : []) this.set(labels, value);
      },
    });
  gauge("connections", "Connections by status (fleet-wide)", ["status"], (f) => f.connections);
  gauge("incidents_open", "Open incidents by provider (fleet-wide)", ["provider"], (f) => f.incidentsOpen);
  gauge("outbox_pending", "Outbox rows waiting to be delivered, by kind", ["kind"], (f) => f.outboxPending);
  gauge(
    "outbox_oldest_age_seconds",
    "Age of the oldest waiting outbox row, by kind",
    ["kind"],
    (f) => f.outboxOldestAgeSeconds,
  );
  gauge(
    "finch_budget_available",
    "Finch call permits available now, by class",
    ["class"],
    (f) => f.finchBudgetAvailable,
  );
  gauge(
    "sweep_worst_staleness_seconds",
    "Longest time any watched connection has gone unchecked",
    [],
    (f) => [{ labels: {}, value: f.sweepWorstStalenessSeconds }],
  );
}
