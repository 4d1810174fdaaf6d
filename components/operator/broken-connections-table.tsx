import Link from "next/link";
import { exactTime, timeAgo } from "@/lib/format-time";
import type { BrokenConnectionRow } from "@/lib/operator/list-broken-connections";
import { TableHeader } from "@/components/ui/table-header";

const DETECTION_LABELS: Record<string, string> = {
  api_error: "API error",
  webhook: "Webhook",
  sweep: "Sweep",
  reconnect: "Reconnect",
  connect: "Connect",
};

const td = "px-3 py-2 align-top text-sm text-slate-800";

export function BrokenConnectionsTable({ rows }: { rows: BrokenConnectionRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
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
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className={`${td} py-6 text-center text-slate-500`}>
                No broken connections match these filters.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.connectionId}>
              <td className={td}>
                <Link
                  href={`/operator/connections/${row.connectionId}`}
                  prefetch={false}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {row.organizationName}
                </Link>
              </td>
              <td className={td}>{row.providerName}</td>
              <td className={td}>
                <time dateTime={row.since.toISOString()} title={exactTime(row.since.toISOString())}>
                  {timeAgo(row.since.toISOString())}
                </time>
              </td>
              <td className={td}>
                {row.detectionPath ? (DETECTION_LABELS[row.detectionPath] ?? row.detectionPath) : "—"}
              </td>
              <td className={`${td} tabular-nums`}>{row.emailsDelivered}</td>
              <td className={td}>{row.linkOpened ? "Yes" : "No"}</td>
              <td className={`${td} tabular-nums`}>{row.reconnectAttempts}</td>
              <td className={td}>
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
    </div>
  );
}
