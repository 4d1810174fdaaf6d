// The outboxes: each one's table, its job queue, the column a sent row records, and which of its rows
// are "needs reconnecting" notices (a provider outage holds those). A new kind of delivery is one entry
// here and one adapter (outbox-adapter.ts).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export const OUTBOXES = {
  email: {
    table: Prisma.raw(`"EmailOutbox"`),
    queue: "email-send",
    sentColumn: Prisma.raw(`"providerMessageId"`),
    isBrokenNotice: Prisma.sql`o.kind = 'connection_broken'`,
  },
  alert: {
    table: Prisma.raw(`"AlertOutbox"`),
    queue: "alert-send",
    sentColumn: Prisma.raw(`"responseStatus"`),
    isBrokenNotice: Prisma.sql`o.event = 'connection.broken'`,
  },
  // Events to the host's backend: a provider outage never holds them (the host wants each as it happens).
  host: {
    table: Prisma.raw(`"HostEventOutbox"`),
    queue: "host-event-send",
    sentColumn: Prisma.raw(`"responseStatus"`),
    isBrokenNotice: Prisma.sql`FALSE`,
  },
} as const;

export type OutboxName = keyof typeof OUTBOXES;

export const OUTBOX_NAMES = Object.keys(OUTBOXES) as OutboxName[];

/** One outbox as the statements that hold or cancel notices see it (lib/outages). */
export type NoticeOutbox = (typeof OUTBOXES)[OutboxName];
