// Hands outbox rows to their queue: one job per row (the row id is the singletonKey, so a row already
// waiting is not queued twice). Losing this call is harmless: the relay re-dispatches due rows.
import "server-only";
import { enqueue } from "@/lib/jobs/enqueue";
import { OUTBOXES, type OutboxName } from "./outboxes";

export async function dispatchOutboxRows(
  name: OutboxName,
  outboxIds: string[],
  startAfter?: Date,
): Promise<number> {
  let queued = 0;
  for (const outboxId of outboxIds) {
    if (await enqueue(OUTBOXES[name].queue, { outboxId }, { singletonKey: outboxId, startAfter })) queued++;
  }
  return queued;
}
