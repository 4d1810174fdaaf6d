"use client";

// A client component on purpose: the page hands it the rows as data in the RSC payload (packed tuples,
// lib/operator/packed-broken-row.ts) instead of rendered rows as element trees, which are several times
// larger (figures in bench/README.md).
import type { ReactNode } from "react";
import { exactTime, timeAgo } from "@/lib/format-time";
import {
  BROKEN_CONNECTION_TABLE_COLUMNS,
  type TableColumnKey,
} from "@/lib/operator/broken-connection-columns";
import { unpackBrokenRow, type PackedBrokenRow, type TableRow } from "@/lib/operator/packed-broken-row";
import { TableHeader } from "@/components/ui/table-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { tableBodyClasses } from "@/components/ui/table-styles";
import { detectionLabel } from "@/lib/connections/detection-labels";

const when = (iso: string, title?: string) => (
  <time dateTime={iso} title={title}>
    {timeAgo(iso)}
  </time>
);

// How each column of lib/operator/broken-connection-columns.ts renders in the table.
const CELLS: Record<TableColumnKey, (row: TableRow) => ReactNode> = {
  organization: (row) => <a href={`/operator/connections/${row.connectionId}`}>{row.organizationName}</a>,
  provider: (row) => row.providerName,
  since: (row) => when(row.since, exactTime(row.since)),
  detectionPath: (row) => (row.detectionPath ? detectionLabel(row.detectionPath) : "—"),
  emailsDelivered: (row) => row.emailsDelivered,
  linkOpened: (row) => (row.linkOpened ? "Yes" : "No"),
  reconnectAttempts: (row) => row.reconnectAttempts,
  lastReminder: (row) => (row.lastReminderAt ? when(row.lastReminderAt) : "—"),
};

// 50 rows a page: the cells and the links take their style from the body (tableBodyClasses).
const body = `${tableBodyClasses()} [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline-offset-2 [&_a:hover]:underline`;

export function BrokenConnectionsTable({ packedRows }: { packedRows: PackedBrokenRow[] }) {
  const rows = packedRows.map(unpackBrokenRow);
  return (
    <ScrollRegion
      label="Broken connections, scrolls sideways"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <table aria-label="Broken connections" className="min-w-full divide-y divide-slate-200">
        <TableHeader
          className="bg-slate-50"
          columns={BROKEN_CONNECTION_TABLE_COLUMNS.map((column) => column.header)}
        />
        <tbody className={body}>
          {rows.length === 0 && (
            <tr>
              <td colSpan={BROKEN_CONNECTION_TABLE_COLUMNS.length}>
                <p className="py-4 text-center text-slate-500">No broken connections match these filters.</p>
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.connectionId}>
              {BROKEN_CONNECTION_TABLE_COLUMNS.map((column) => (
                <td key={column.key}>{CELLS[column.key](row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
