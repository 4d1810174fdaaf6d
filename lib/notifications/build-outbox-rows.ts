// One outbox row per recipient of an incident's email, built by the outbox's newOutboxRows for every kind:
// the dedupe key, the incident's ids and the due time. Callers choose the recipients and insert the rows.
import type { Prisma } from "@/lib/generated/prisma/client";
import { newOutboxRows } from "@/lib/outbox/new-outbox-rows";
import { outboxDedupeKey, type OutboxKind, type OutboxPayload } from "./outbox-email-kinds";

export interface BuildOutboxRowsOptions {
  kind: OutboxKind;
  incidentId: string;
  connectionId: string;
  organizationId: string;
  recipients: { userId: string; to: string }[];
  /** When the rows are created and first due. */
  at: Date;
  payload?: OutboxPayload;
}

export function buildOutboxRows({
  kind,
  incidentId,
  connectionId,
  organizationId,
  recipients,
  at,
  payload = {},
}: BuildOutboxRowsOptions): Prisma.EmailOutboxCreateManyInput[] {
  return newOutboxRows(
    recipients,
    ({ userId, to }) => ({
      dedupeKey: outboxDedupeKey(kind, incidentId, userId, payload.reminderNumber),
      kind,
      userId,
      to,
    }),
    { organizationId, connectionId, incidentId, payload, at },
  );
}
