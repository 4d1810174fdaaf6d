// A "Broken connections" row as the console's page sends it to its table: a tuple of what the table shows,
// with times as ISO text. Named fields cost every row its keys again in the page's RSC payload (about 300
// bytes a row against about 110), and the table is the overview's largest part (bench/README.md).
import type { BrokenConnectionRow } from "./list-broken-connections";

export type PackedBrokenRow = [
  connectionId: string,
  organizationName: string,
  providerName: string,
  since: string,
  detectionPath: string | null,
  emailsDelivered: number,
  linkOpened: boolean,
  reconnectAttempts: number,
  lastReminderAt: string | null,
];

/** What the table reads back from a packed row. */
export interface TableRow {
  connectionId: string;
  organizationName: string;
  providerName: string;
  since: string;
  detectionPath: string | null;
  emailsDelivered: number;
  linkOpened: boolean;
  reconnectAttempts: number;
  lastReminderAt: string | null;
}

export function packBrokenRow(row: BrokenConnectionRow): PackedBrokenRow {
  return [
    row.connectionId,
    row.organizationName,
    row.providerName,
    row.since.toISOString(),
    row.detectionPath,
    row.emailsDelivered,
    row.linkOpened,
    row.reconnectAttempts,
    row.lastReminderAt?.toISOString() ?? null,
  ];
}

export function unpackBrokenRow(packed: PackedBrokenRow): TableRow {
  const [connectionId, organizationName, providerName, since, detectionPath, ...rest] = packed;
  const [emailsDelivered, linkOpened, reconnectAttempts, lastReminderAt] = rest;
  return {
    connectionId,
    organizationName,
    providerName,
    since,
    detectionPath,
    emailsDelivered,
    linkOpened,
    reconnectAttempts,
    lastReminderAt,
  };
}
