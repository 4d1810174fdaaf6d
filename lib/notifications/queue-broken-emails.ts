// The first notice of an incident: one outbox row per member, written in the transaction that opened
// the incident. The dedupe key makes a second detection path (or instance) insert nothing.
import "server-only";
import type { Tx } from "@/lib/db";
import { buildOutboxRows } from "./build-outbox-rows";

export interface QueueBrokenEmailsOptions {
  incidentId: string;
  connectionId: string;
  organizationId: string;
  at: Date;
}

export async function queueBrokenEmails(
  tx: Tx,
  { incidentId, connectionId, organizationId, at }: QueueBrokenEmailsOptions,
): Promise<number> {
  const members = await tx.membership.findMany({
    // Members who turned these emails off on their settings page are skipped.
    where: {
      organizationId,
      user: { NOT: { emailPreference: { is: { brokenUnsubscribedAt: { not: null } } } } },
    },
    select: { userId: true, user: { select: { email: true } } },
  });
  const { count } = await tx.emailOutbox.createMany({
    data: buildOutboxRows({
      kind: "connection_broken",
      incidentId,
      connectionId,
      organizationId,
      recipients: members.map(({ userId, user }) => ({ userId, to: user.email })),
      at,
    }),
    skipDuplicates: true,
  });
  return count;
}
