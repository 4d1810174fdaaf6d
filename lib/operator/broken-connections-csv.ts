// The Broken connections table as CSV (RFC 4180 quoting; cells that look like formulas are defused).
import type { BrokenConnectionRow } from "./list-broken-connections";

const HEADER = [
  "Organization",
  "Provider",
  "Status",
  "Since",
  "Detection path",
  "Emails delivered",
  "Link opened",
  "Reconnect attempts",
  "Last reminder",
  "Connection id",
];

function cell(value: string | number | boolean | Date | null): string {
  if (value === null) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function brokenConnectionsCsv(rows: BrokenConnectionRow[]): string {
  const lines = rows.map((row) =>
    [
      row.organizationName,
      row.providerName,
      row.status,
      row.since,
      row.detectionPath,
      row.emailsDelivered,
      row.linkOpened ? "yes" : "no",
      row.reconnectAttempts,
      row.lastReminderAt,
      row.connectionId,
    ]
      .map(cell)
      .join(","),
  );
  return [HEADER.join(","), ...lines].join("\r\n") + "\r\n";
}
