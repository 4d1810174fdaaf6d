// The kinds of email the outbox carries, their payloads and their dedupe keys. The key is what makes
// "one email per member per incident" hold however many detection paths or instances try to send it.
import { z } from "zod";

export const outboxKindSchema = z.enum([
  "connection_broken",
  "reconnect_reminder",
  "connection_restored",
  "repair_handoff",
]);
export type OutboxKind = z.infer<typeof outboxKindSchema>;

export const outboxPayloadSchema = z.object({
  /** Reminders: 1 for the first (REMINDER_DAYS[0]), 2 for the second, … */
  reminderNumber: z.number().int().min(1).max(10).optional(),
  /** Restored: reconnected through Connect, or recovered on its own. */
  how: z.enum(["reconnected", "recovered"]).optional(),
  /** Hand-off: who asked the colleague to reconnect. */
  fromEmail: z.string().optional(),
});
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;

export function outboxDedupeKey(
  kind: OutboxKind,
  incidentId: string,
  userId: string,
  reminderNumber?: number,
): string {
  switch (kind) {
    case "connection_broken":
      return `broken:${incidentId}:${userId}`;
    case "reconnect_reminder":
      return `reminder:${incidentId}:${userId}:${reminderNumber ?? 1}`;
    case "connection_restored":
      return `restored:${incidentId}:${userId}`;
    case "repair_handoff":
      return `handoff:${incidentId}:${userId}`;
  }
}

/** What the timeline says when one was sent. */
export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = {
  connection_broken: "Reconnect request",
  reconnect_reminder: "Reminder",
  connection_restored: "Reconnected confirmation",
  repair_handoff: "Invitation to reconnect",
};
