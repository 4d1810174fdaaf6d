"use client";

// A client component fed with the overview's numbers, like the tables (bench/README.md).
import { Card, CardTitle } from "@/components/ui/card";
import { AGE_BUCKET_LABELS, AGE_BUCKETS } from "@/lib/operator/fleet-filter-words";
import type { FleetOverview } from "@/lib/operator/get-fleet-overview";

const STATUS_LABELS: Record<string, string> = {
  healthy: "Healthy",
  needs_reauth: "Needs reconnecting",
  error: "Error",
  disconnected: "Disconnected",
  pending: "Pending",
};

function CountList({
  label,
  items,
}: {
  label: string;
  items: { key: string; name: string; value: string }[];
}) {
  return (
    <Card className="p-5">
      <CardTitle as="h3">{label}</CardTitle>
      <dl className="mt-3 space-y-1 text-sm">
        {items.length === 0 && <p className="text-slate-500">None</p>}
        {items.map((item) => (
          <div key={item.key} className="flex justify-between gap-4">
            <dt className="text-slate-600">{item.name}</dt>
            <dd className="font-semibold tabular-nums text-slate-900">{item.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export function FleetCounts({ overview }: { overview: FleetOverview }) {
  const format = (value: number) => value.toLocaleString("en-US");
  return (
    <section aria-labelledby="counts-heading" className="grid grid-cols-1 gap-4 md:grid-cols-3">
      {/* The cards' h3 titles sit under this heading, so the page's outline has no gap after its h1. */}
      <h2 id="counts-heading" className="sr-only">
        Fleet counts
      </h2>
      <CountList
        label={`By status (${format(overview.total)} connections)`}
        items={overview.byStatus.map((row) => ({
          key: row.status,
          name: STATUS_LABELS[row.status] ?? row.status,
          value: format(row.count),
        }))}
      />
      <CountList
        label="By provider (broken / total)"
        items={overview.byProvider.slice(0, 12).map((row) => ({
          key: row.providerId,
          name: row.providerName,
          value: `${format(row.broken)} / ${format(row.total)}`,
        }))}
      />
      <CountList
        label="Broken for"
        items={AGE_BUCKETS.map((bucket) => ({
          key: bucket,
          name: AGE_BUCKET_LABELS[bucket],
          value: format(overview.byAge[bucket]),
        }))}
      />
    </section>
  );
}
