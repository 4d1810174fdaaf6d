// The two outboxes a provider outage holds "needs reconnecting" notices in: the emails, and the Slack and
// webhook alerts queued by the same breakages. Both share the status words (held, pending, cancelled)
// and the providerIncidentId column; only the column naming what a row is differs.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export const NOTICE_OUTBOXES = [
  { table: Prisma.raw(`"EmailOutbox"`), isBrokenNotice: Prisma.sql`o.kind = 'connection_broken'` },
  { table: Prisma.raw(`"AlertOutbox"`), isBrokenNotice: Prisma.sql`o.event = 'connection.broken'` },
];

export type NoticeOutbox = (typeof NOTICE_OUTBOXES)[number];
