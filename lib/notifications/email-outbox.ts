// The email outbox's adapter: composes the email from the row as things are now and sends it through
// Resend with the row id as idempotency key, so a retry after a crash between "sent" and "recorded" is
// recognized by Resend instead of delivered again. The outbox (lib/outbox) does the rest.
import "server-only";
import { sendEmail } from "@/lib/email/send-email";
import type { EmailOutbox } from "@/lib/generated/prisma/client";
import { deliverOutboxRow } from "@/lib/outbox/deliver-outbox-row";
import type { OutboxAdapter } from "@/lib/outbox/outbox-adapter";
import { composeOutboxEmail } from "./compose-outbox-email";
import type { ReadyEmail } from "./composed-email";
import { OUTBOX_KIND_LABELS, outboxKindSchema } from "./outbox-email-kinds";

export const emailOutbox: OutboxAdapter<EmailOutbox, ReadyEmail> = {
  name: "email",
  events: { sent: "email_sent", failed: "email_failed", sentVerb: "sent to" },
  async compose(row) {
    const email = await composeOutboxEmail(row);
    return email.kind === "cancelled" ? email : { kind: "ready", message: email };
  },
  async send(row, email) {
    const sent = await sendEmail({
      to: row.to,
      subject: email.subject,
      react: email.react,
      headers: email.headers,
      idempotencyKey: `outbox-${row.id}`,
    });
    return { reference: sent.id };
  },
  describe(row) {
    const what = OUTBOX_KIND_LABELS[outboxKindSchema.safeParse(row.kind).data ?? "connection_broken"];
    return { what, to: row.to, actorUserId: row.userId };
  },
};

/** Delivers one email outbox row now (the job's work; tests call it with a moved clock). */
export function deliverOutboxEmail(options: { outboxId: string; now?: Date }) {
  return deliverOutboxRow(emailOutbox, options);
}
