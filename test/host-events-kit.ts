// Events to the host in integration tests: endpoints at the hooks stand-in (told each secret, so it
// verifies signatures), a clean slate (endpoints receive every event, so a file removes its own), and
// draining the due rows as the host-event-send jobs would.
import type { RunningHooksEmulator } from "@/emulators/hooks/server";
import { db } from "@/lib/db";
import { deliverHostEvent } from "@/lib/host-events/host-event-outbox";
import { createWebhookEndpoint } from "@/lib/host-events/manage-webhook-endpoints";
import { uniqueSuffix } from "./finch-test-kit";

/** Removes every endpoint (and with them their events), so no other file's breakage reaches one. */
export async function clearWebhookEndpoints(): Promise<void> {
  await db().hostWebhookEndpoint.deleteMany({});
}

export async function endpointAtInbox(hooks: RunningHooksEmulator) {
  const path = `/hooks/host-${uniqueSuffix()}`;
  const endpoint = await createWebhookEndpoint({ url: `${hooks.url}${path}` });
  await fetch(`${hooks.url}/_emulator/secrets`, {
    method: "POST",
    body: JSON.stringify({ pathPrefix: path, secret: endpoint.secret }),
  });
  return { ...endpoint, path };
}

/** Delivers every pending event of the connection due at `now`, as the host-event-send jobs would. */
export async function drainHostEvents(connectionId: string, now = new Date()) {
  const due = await db().hostEventOutbox.findMany({
    where: { connectionId, status: "pending", nextAttemptAt: { lte: now } },
    select: { id: true },
  });
  return Promise.all(due.map((row) => deliverHostEvent({ outboxId: row.id, now })));
}

export interface ReceivedHook {
  path: string;
  headers: Record<string, string>;
  body: string;
  verified: boolean | null;
  status: number;
}

/** What the inbox received under `path`, newest first; only the accepted posts unless `all`. */
export async function receivedAt(hooks: RunningHooksEmulator, path: string, all = false) {
  const query = `path=${encodeURIComponent(path)}${all ? "&all=1" : ""}`;
  return ((await (await fetch(`${hooks.url}/received?${query}`)).json()) as { data: ReceivedHook[] }).data;
}

/** The next `count` posts under `pathPrefix` fail with `status` (the shared fault shape: a `*` prefix). */
export async function failNext(hooks: RunningHooksEmulator, pathPrefix: string, count: number, status = 503) {
  const response = await fetch(`${hooks.url}/_emulator/faults`, {
    method: "POST",
    body: JSON.stringify({ status, count, path: `${pathPrefix}*` }),
  });
  if (!response.ok) throw new Error(`the hooks inbox refused the fault: ${response.status}`);
}
