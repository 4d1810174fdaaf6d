import { Card, CardTitle } from "@/components/ui/card";
import type { ConnectionHealth } from "@/lib/health/connection-health";
import { formatDuration, formatUptime } from "@/lib/health/format-health";
import type { HealthPeriod } from "@/lib/health/health-periods";
import { HealthBand } from "./health-band";

export interface ConnectionHealthCardProps {
  health: ConnectionHealth;
  periods: HealthPeriod[];
  now: Date;
}

export function ConnectionHealthCard({ health, periods, now }: ConnectionHealthCardProps) {
  const rows: [string, string][] = [
    ["Uptime, last 30 days", formatUptime(health.uptime30)],
    ["Uptime, last 90 days", formatUptime(health.uptime90)],
    ["Incidents, last 90 days", String(health.incidents90)],
    ["Median time to repair", formatDuration(health.medianRepairSeconds)],
    ["Longest outage", formatDuration(health.longestOutageSeconds)],
  ];
  const label = `Health over the last 90 days: ${formatUptime(health.uptime90)} uptime, ${health.incidents90} incident(s)`;
  return (
    <Card>
      <CardTitle>Health</CardTitle>
      <div className="mt-4 space-y-4">
        <HealthBand since={health.since90} now={now} periods={periods} label={label} />
        <table className="w-full text-sm">
          <caption className="sr-only">Health figures</caption>
          <tbody className="divide-y divide-slate-100">
            {rows.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="py-2 text-left font-normal text-slate-600">
                  {name}
                </th>
                <td className="py-2 text-right font-medium tabular-nums text-slate-900">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
