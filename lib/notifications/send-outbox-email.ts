// The "email-send" job: deliver one outbox row, and when the mail service asked us to wait, queue the
// next attempt for when the row's backoff ends.
import "server-only";
import { deliverOutboxEmail, type DeliveryResult } from "./deliver-outbox-email";
import { dispatchOutboxEmails } from "./dispatch-outbox-emails";

export async function sendOutboxEmail({ outboxId }: { outboxId: string }): Promise<DeliveryResult> {
  const delivery = await deliverOutboxEmail({ outboxId });
  if (delivery.result === "retry") await dispatchOutboxEmails([outboxId], delivery.retryAt);
  return delivery;
}
