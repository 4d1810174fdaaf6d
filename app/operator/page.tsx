import { BrokenConnectionsTable } from "@/components/operator/broken-connections-table";
import { OperatorShell } from "@/components/operator/operator-shell";
import { FleetCounts } from "@/components/operator/fleet-counts";
import { FleetFiltersForm } from "@/components/operator/fleet-filters-form";
import { FleetPagination } from "@/components/operator/fleet-pagination";
import { OutagesPanel } from "@/components/operator/outages-panel";
import { buttonClasses } from "@/components/ui/button";
import { fleetFiltersQuery, parseFleetFilters } from "@/lib/operator/fleet-filters";
import { FLEET_PAGE_SIZE } from "@/lib/operator/list-broken-connections";
import { packBrokenRow } from "@/lib/operator/packed-broken-row";
import { fleetHealthSql, toFleetHealth, type FleetHealthRow } from "@/lib/operator/read-fleet-health";
import { requireOperatorWith } from "@/lib/auth/require-operator";

export const metadata = { title: "Fleet health · Operator" };

// Per-request: who is asking decides whether this exists at all.
export const dynamic = "force-dynamic";

export default async function FleetHealthPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = parseFleetFilters(await searchParams);
  // The gate and the reads in one statement: they only reach the page once the gate has passed
  // (requireOperatorWith answers not-found otherwise).
  const { operator, data } = await requireOperatorWith<FleetHealthRow>(fleetHealthSql(filters, new Date()));
  const { overview, broken } = await toFleetHealth(data);
  const exportQuery = fleetFiltersQuery({ ...filters, page: 1 });
  return (
    <OperatorShell email={operator.email}>
      <h1 className="text-2xl font-semibold text-slate-900">Fleet health</h1>
      <OutagesPanel outages={overview.outages} />
      <FleetCounts overview={overview} />
      <section aria-labelledby="broken-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="broken-heading" className="text-lg font-semibold text-slate-900">
            Broken connections
          </h2>
          <a
            href={`/api/operator/broken-connections/export${exportQuery}`}
            className={buttonClasses("secondary")}
            download
          >
            Download CSV
          </a>
        </div>
        <FleetFiltersForm filters={filters} providers={overview.byProvider} />
        <BrokenConnectionsTable packedRows={broken.rows.map(packBrokenRow)} />
        <FleetPagination filters={filters} total={broken.total} pageSize={FLEET_PAGE_SIZE} />
      </section>
    </OperatorShell>
  );
}
