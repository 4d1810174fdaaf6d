// Follow-ups once a status change is committed. The emails themselves were written to the outbox in
// the change's own transaction; this only hands them to the job queue now rather than at the relay's
// next tick, so a crash here delays them by a minute and loses nothing.
import "server-only";
import { relayAlertOutbox } from "@/lib/alerts/relay-alert-outbox";
import { db } from "@/lib/db";
import { logError } from "@/lib/log";
import { dispatchOutboxEmails } from "@/lib/notifications/dispatch-outbox-emails";
import type { SignalOutcome } from "./apply-connection-signal";

export async function afterConnectionChange(outcome: SignalOutcome): Promise<void> {
  const incidentId = outcome.openedIncidentId ?? outcome.resolvedIncidentId;
  if (!outcome.changed || !incidentId) return;
  try {
    const pending = await db().emailOutbox.findMany({
      where: { incidentId, status: "pending" },
      select: { id: true },
    });
    await dispatchOutboxEmails(pending.map((row) => row.id));
    await relayAlertOutbox({ incidentId });
  } catch (error) {
    // The change is committed and the rows exist; the outbox relay sends them.
    logError(`could not dispatch emails for incident ${incidentId}`, error);
  }
}
