// Hands freshly committed event rows to their send jobs. Losing this call delays them until the
// relay's next pass (each minute) and loses nothing.
import "server-only";
import { logError } from "@/lib/log";
import { dispatchOutboxRows } from "@/lib/outbox/dispatch-outbox-rows";

export async function dispatchHostEvents(outboxIds: string[]): Promise<void> {
  if (outboxIds.length === 0) return;
  try {
    await dispatchOutboxRows("host", outboxIds);
  } catch (error) {
    logError(`could not dispatch ${outboxIds.length} host event(s); the relay will`, error);
  }
}
