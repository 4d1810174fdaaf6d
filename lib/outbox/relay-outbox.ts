// The outboxes' safety net: each row that is due and not being sent gets a job. It covers a crash
// between a commit and its dispatch, and a retry whose job was lost. Held rows are never due.
import "server-only";
import { dispatchOutboxRows } from "./dispatch-outbox-rows";
import { OUTBOX_NAMES, type OutboxName } from "./outboxes";
import { listDueRows } from "./outbox-store";

export interface RelayOptions {
  now?: Date;
  /** Only this incident's rows (right after it opened or closed). */
  incidentId?: string;
}

export async function relayOutbox(
  name: OutboxName,
  { now = new Date(), incidentId }: RelayOptions = {},
): Promise<{ due: number; queued: number }> {
  const due = await listDueRows(name, { now, incidentId });
  return { due: due.length, queued: await dispatchOutboxRows(name, due) };
}

/** Every outbox in turn. */
export async function relayOutboxes(
  options: RelayOptions = {},
): Promise<Record<OutboxName, { due: number; queued: number }>> {
  const result = {} as Record<OutboxName, { due: number; queued: number }>;
  for (const name of OUTBOX_NAMES) result[name] = await relayOutbox(name, options);
  return result;
}
