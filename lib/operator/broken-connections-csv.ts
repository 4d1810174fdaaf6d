// The Broken connections table as CSV (RFC 4180 quoting; cells that look like formulas are defused).
import { BROKEN_CONNECTION_COLUMNS, type CsvValue } from "./broken-connection-columns";
import type { BrokenConnectionRow } from "./list-broken-connections";

function cell(value: CsvValue): string {
  if (value === null) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function brokenConnectionsCsv(rows: BrokenConnectionRow[]): string {
  const header = BROKEN_CONNECTION_COLUMNS.map((column) => column.header).join(",");
  const lines = rows.map((row) => BROKEN_CONNECTION_COLUMNS.map((column) => cell(column.csv(row))).join(","));
  return [header, ...lines].join("\r\n") + "\r\n";
}
