// An outbox's send job: deliver one row, and when it must wait (the remote service asked for a retry,
// or the job came before the row was due), queue the next attempt for when its backoff ends.
import "server-only";
import { logError } from "@/lib/log";
import { nextRunAt, type DeliveryResult } from "./delivery-rules";
import { deliverOutboxRow } from "./deliver-outbox-row";
import { dispatchOutboxRows } from "./dispatch-outbox-rows";
import type { OutboxAdapter } from "./outbox-adapter";
import type { OutboxRow } from "./outbox-store";

export async function runOutboxJob<Row extends OutboxRow, Message>(
  adapter: OutboxAdapter<Row, Message>,
  { outboxId }: { outboxId: string },
): Promise<DeliveryResult> {
  let delivery: DeliveryResult;
  try {
    delivery = await deliverOutboxRow(adapter, { outboxId });
  } catch (error) {
    // Could not even claim the row (database unreachable): pg-boss retries the job shortly.
    logError(`${adapter.name} ${outboxId}: delivery did not start`, error);
    throw error;
  }
  const at = nextRunAt(delivery);
  if (at) await dispatchOutboxRows(adapter.name, [outboxId], at);
  return delivery;
}
