// The "email-send" job: deliver one outbox row, and when the mail service asked us to wait (or the job
// came before the row was due), queue the next attempt for when the row's backoff ends.
import "server-only";
import { logError } from "@/lib/log";
import { deliverOutboxEmail, type DeliveryResult } from "./deliver-outbox-email";
import { nextRunAt } from "./outbox-delivery";
import { dispatchOutboxEmails } from "./dispatch-outbox-emails";

export async function runEmailSendJob({ outboxId }: { outboxId: string }): Promise<DeliveryResult> {
  let delivery: DeliveryResult;
  try {
    delivery = await deliverOutboxEmail({ outboxId });
  } catch (error) {
    // Could not even claim the row (database unreachable): pg-boss retries the job shortly.
    logError(`email ${outboxId}: delivery did not start`, error);
    throw error;
  }
  const at = nextRunAt(delivery);
  if (at) await dispatchOutboxEmails([outboxId], at);
  return delivery;
}
