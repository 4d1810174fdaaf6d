import type { OrganizationHealth } from "@/lib/health/organization-health";
import { formatDuration, formatUptime } from "@/lib/health/format-health";

/** The dashboard's one-line summary of every connection over the last 30 days. */
export function OrganizationHealthSummary({ health }: { health: OrganizationHealth }) {
  if (health.connections === 0) return null;
  const figures: [string, string][] = [
    ["Uptime (30 days)", formatUptime(health.uptime30)],
    ["Incidents (30 days)", String(health.incidents30)],
    ["Open now", String(health.openIncidents)],
    ["Median time to repair", formatDuration(health.medianRepairSeconds)],
  ];
  return (
    <section
      aria-labelledby="org-health"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="org-health" className="sr-only">
        Health summary
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {figures.map(([name, value]) => (
          <div key={name}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{name}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
