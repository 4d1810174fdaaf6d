// Follow-ups once a status change is committed. The emails themselves were written to the outbox in
// the change's own transaction; this only hands them to the job queue now rather than at the relay's
// next tick, so a crash here delays them by a minute and loses nothing.
import "server-only";
import { logError } from "@/lib/log";
import { relayOutboxes } from "@/lib/outbox/relay-outbox";
import type { SignalOutcome } from "./apply-connection-signal";

export async function afterConnectionChange(outcome: SignalOutcome): Promise<void> {
  const incidentId = outcome.openedIncidentId ?? outcome.resolvedIncidentId;
  if (!outcome.changed || !incidentId) return;
  try {
    await relayOutboxes({ incidentId });
  } catch (error) {
    // The change is committed and the rows exist; the outbox relay sends them.
    logError(`could not dispatch the notices of incident ${incidentId}`, error);
  }
}
