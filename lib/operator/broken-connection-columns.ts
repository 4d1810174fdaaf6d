// The "Broken connections" columns in one list: the console's table shows those marked `table`, the CSV
// export has every one, in this order, with the value each cell holds. Plain data for client components.
import type { BrokenConnectionRow } from "./list-broken-connections";

export type CsvValue = string | number | boolean | Date | null;

interface Column {
  key: string;
  header: string;
  /** Shown in the console's table (the CSV has every column). */
  table: boolean;
  csv: (row: BrokenConnectionRow) => CsvValue;
}

export const BROKEN_CONNECTION_COLUMNS = [
  { key: "organization", header: "Organization", table: true, csv: (row) => row.organizationName },
  { key: "provider", header: "Provider", table: true, csv: (row) => row.providerName },
  { key: "status", header: "Status", table: false, csv: (row) => row.status },
  { key: "since", header: "Since", table: true, csv: (row) => row.since },
  { key: "detectionPath", header: "Detection path", table: true, csv: (row) => row.detectionPath },
  { key: "emailsDelivered", header: "Emails delivered", table: true, csv: (row) => row.emailsDelivered },
  { key: "linkOpened", header: "Link opened", table: true, csv: (row) => (row.linkOpened ? "yes" : "no") },
  {
    key: "reconnectAttempts",
    header: "Reconnect attempts",
    table: true,
    csv: (row) => row.reconnectAttempts,
  },
  { key: "lastReminder", header: "Last reminder", table: true, csv: (row) => row.lastReminderAt },
  { key: "connectionId", header: "Connection id", table: false, csv: (row) => row.connectionId },
] as const satisfies readonly Column[];

type TableColumn = Extract<(typeof BROKEN_CONNECTION_COLUMNS)[number], { table: true }>;
export type TableColumnKey = TableColumn["key"];

export const BROKEN_CONNECTION_TABLE_COLUMNS = BROKEN_CONNECTION_COLUMNS.filter(
  (column): column is TableColumn => column.table,
);
