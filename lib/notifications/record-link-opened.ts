// "Emailed link opened" on the timeline: once per recipient per incident, however often the page is
// reloaded. Opening the link changes nothing else.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";

export interface RecordLinkOpenedOptions {
  connectionId: string;
  organizationId: string;
  userId: string;
  email: string;
  /** The incident's start; an open before it belongs to an earlier incident. */
  since: Date;
}

export async function recordLinkOpened({
  connectionId,
  organizationId,
  userId,
  email,
  since,
}: RecordLinkOpenedOptions): Promise<void> {
  const seen = await db().connectionEvent.findFirst({
    where: { connectionId, type: "link_opened", actorUserId: userId, createdAt: { gte: since } },
    select: { id: true },
  });
  if (seen) return;
  await recordConnectionEvent(db(), {
    connectionId,
    organizationId,
    type: "link_opened",
    detail: `Opened by ${email}`,
    actorUserId: userId,
  });
}
