// connection.imported, for the import code: queued in the import's own transaction
// (queueConnectionImported, then dispatchHostEvents after commit), or on its own once the import has
// committed (announceConnectionImported). Either way once per endpoint per stored token.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { dispatchHostEvents } from "./dispatch-host-events";
import { queueHostEvent } from "./queue-host-event";

export function queueConnectionImported(
  tx: Tx,
  { connectionId, at = new Date() }: { connectionId: string; at?: Date },
): Promise<string[]> {
  return queueHostEvent(tx, { event: "connection.imported", connectionId, at });
}

export async function announceConnectionImported(options: { connectionId: string; at?: Date }) {
  const ids = await db().$transaction((tx) => queueConnectionImported(tx, options));
  await dispatchHostEvents(ids);
  return ids;
}
