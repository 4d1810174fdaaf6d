"use client";

// A client component on purpose: the page hands it 50 rows as data (about 150 bytes each in the RSC
// payload) instead of 50 rendered rows as element trees (about 500 bytes each), which made the
// overview page about an eighth cheaper to serve (bench/README.md).
import { exactTime, timeAgo } from "@/lib/format-time";
import type { BrokenConnectionRow } from "@/lib/operator/list-broken-connections";
import { TableHeader } from "@/components/ui/table-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { tableBodyClasses } from "@/components/ui/table-styles";

const DETECTION_LABELS: Record<string, string> = {
  api_error: "API error",
  webhook: "Webhook",
  sweep: "Sweep",
  reconnect: "Reconnect",
  connect: "Connect",
};

// 50 rows a page: the cells and the links take their style from the body (tableBodyClasses).
const body = `${tableBodyClasses()} [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline-offset-2 [&_a:hover]:underline`;

export function BrokenConnectionsTable({ rows }: { rows: BrokenConnectionRow[] }) {
  return (
    <ScrollRegion
      label="Broken connections, scrolls sideways"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <table aria-label="Broken connections" className="min-w-full divide-y divide-slate-200">
        <TableHeader
          className="bg-slate-50"
          columns={[
            "Organization",
            "Provider",
            "Since",
            "Detection path",
            "Emails delivered",
            "Link opened",
            "Reconnect attempts",
            "Last reminder",
          ]}
        />
        <tbody className={body}>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8}>
                <p className="py-4 text-center text-slate-500">No broken connections match these filters.</p>
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.connectionId}>
              <td>
                <a href={`/operator/connections/${row.connectionId}`}>{row.organizationName}</a>
              </td>
              <td>{row.providerName}</td>
              <td>
                <time dateTime={row.since.toISOString()} title={exactTime(row.since.toISOString())}>
                  {timeAgo(row.since.toISOString())}
                </time>
              </td>
              <td>{row.detectionPath ? (DETECTION_LABELS[row.detectionPath] ?? row.detectionPath) : "—"}</td>
              <td>{row.emailsDelivered}</td>
              <td>{row.linkOpened ? "Yes" : "No"}</td>
              <td>{row.reconnectAttempts}</td>
              <td>
                {row.lastReminderAt ? (
                  <time dateTime={row.lastReminderAt.toISOString()}>
                    {timeAgo(row.lastReminderAt.toISOString())}
                  </time>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
