// Fleet-wide gauges read from the database at scrape time (connections by status, open incidents,
// outbox backlog, sweep staleness, Finch budget), in one statement, cached briefly so several scrapers
// of one replica (a pair of Prometheus servers) share one read.
import "server-only";
import { Gauge } from "prom-client";
import { queryRows } from "@/lib/db";
import {
  BUDGET_USAGE_SQL,
  budgetUsageQuery,
  type BudgetUsageRow,
} from "@/lib/finch/budget/get-finch-budget-usage";
import { WORST_STALENESS_SQL } from "@/lib/sweep/get-sweep-coverage";
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

/** A statement's rows as one JSON array (an empty one for none). */
const jsonRows = (sql: string) => `(SELECT coalesce(json_agg(r), '[]'::json) FROM (${sql}) r)`;

/**
 * Every fleet gauge in one statement, $1 and $2 the budget's lanes (BUDGET_USAGE_SQL): a scrape comes
 * every 15 s or so, too seldom for the code of six separate reads through the client to stay warm,
 * and read this way it costs the server a fraction of their CPU (bench/README.md).
 */
export const FLEET_GAUGES_SQL = `
SELECT ${jsonRows(CONNECTIONS_BY_STATUS_SQL)} AS connections,
       ${jsonRows(OPEN_INCIDENTS_SQL)} AS incidents,
       ${jsonRows(OUTBOX_BACKLOG_SQL)} AS outbox,
       (${WORST_STALENESS_SQL}) AS worst,
       ${jsonRows(BUDGET_USAGE_SQL)} AS budget`;

interface FleetRow {
  connections: { status: string; n: number }[];
  incidents: { provider: string; n: number }[];
  outbox: OutboxRow[];
  worst: number | null;
  budget: BudgetUsageRow[];
}

async function readFleet(): Promise<FleetSnapshot> {
  const budget = budgetUsageQuery();
  const [row] = await queryRows<FleetRow>({ text: FLEET_GAUGES_SQL, values: budget.values });
  return {
    connections: row.connections.map((r) => ({ labels: { status: r.status }, value: r.n })),
    incidentsOpen: row.incidents.map((r) => ({ labels: { provider: r.provider }, value: r.n })),
    outboxPending: row.outbox.map((r) => ({ labels: { kind: r.kind }, value: r.pending })),
    outboxOldestAgeSeconds: row.outbox.map((r) => ({
      labels: { kind: r.kind },
      value: Math.max(0, Math.round(r.oldest)),
    })),
    sweepWorstStalenessSeconds: Math.round(row.worst ?? 0),
    finchBudgetAvailable: budget.toUsage(row.budget).map((usage) => ({
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
