// The alert outbox's safety net, run with the email relay every minute: each due row not being sent
// gets a job (a crash between a commit and its dispatch, a retry whose job was lost).
import "server-only";
import { db } from "@/lib/db";
import { dispatchOutboxRows } from "@/lib/notifications/outbox-delivery";

export async function relayAlertOutbox({
  now = new Date(),
  incidentId,
}: { now?: Date; incidentId?: string } = {}) {
  const due = await db().alertOutbox.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
      ...(incidentId && { incidentId }),
    },
    orderBy: { nextAttemptAt: "asc" },
    take: 500,
    select: { id: true },
  });
  return {
    due: due.length,
    queued: await dispatchOutboxRows(
      "alert-send",
      due.map((row) => row.id),
    ),
  };
}
