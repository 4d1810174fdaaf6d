// Hands outbox rows to the "email-send" queue, one job per row (the row id is the singletonKey, so a
// row already waiting is not queued twice). Losing this call is harmless: the relay re-dispatches.
import "server-only";
import { enqueue } from "@/lib/jobs/enqueue";

export async function dispatchOutboxEmails(outboxIds: string[], startAfter?: Date): Promise<number> {
  let queued = 0;
  for (const outboxId of outboxIds) {
    if (await enqueue("email-send", { outboxId }, { singletonKey: outboxId, startAfter })) queued++;
  }
  return queued;
}
