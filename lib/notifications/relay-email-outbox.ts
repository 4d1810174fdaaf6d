// The outbox's safety net, run every minute: each row that is due and not being sent gets a job. It
// covers a crash between a commit and its dispatch, and a retry whose job was lost.
import "server-only";
import { db } from "@/lib/db";
import { releaseDueOutages } from "@/lib/outages/release-held-emails";
import { dispatchOutboxEmails } from "./dispatch-outbox-emails";

const BATCH = 500;

export async function relayEmailOutbox({ now = new Date() }: { now?: Date } = {}): Promise<{
  due: number;
  queued: number;
}> {
  // Held rows (status "held") are never due; outages past their auto-release time let theirs go first.
  await releaseDueOutages({ now });
  const due = await db().emailOutbox.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  const queued = await dispatchOutboxEmails(due.map((row) => row.id));
  return { due: due.length, queued };
}
