// The first notice of an incident: one outbox row per member, written in the transaction that opened
// the incident. The dedupe key makes a second detection path (or instance) insert nothing.
import "server-only";
import type { Tx } from "@/lib/db";
import { outboxDedupeKey } from "./outbox-email-kinds";

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
    data: members.map(({ userId, user }) => ({
      dedupeKey: outboxDedupeKey("connection_broken", incidentId, userId),
      kind: "connection_broken",
      organizationId,
      connectionId,
      incidentId,
      userId,
      to: user.email,
      createdAt: at,
      nextAttemptAt: at,
    })),
    skipDuplicates: true,
  });
  return count;
}
