// Helpers for tests of the Finch webhook route: send a request straight to the handler, read a
// connection's state, its incidents and events.
import { expect } from "vitest";
import { POST } from "@/app/api/finch/webhook/route";
import { db } from "@/lib/db";

export async function connectionState(connectionId: string) {
  const connection = await db().connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { status: true, finchStatus: true, statusSource: true, authenticationType: true },
  });
  const incidents = await db().incident.findMany({ where: { connectionId }, orderBy: { startedAt: "asc" } });
  const events = await db().connectionEvent.findMany({
    where: { connectionId },
    orderBy: { createdAt: "asc" },
    select: { type: true, source: true },
  });
  return { ...connection, incidents, events };
}

/** Hands a request to the webhook route and checks the answer never carries the signing secret. */
export async function sendWebhook(request: Request) {
  const response = await POST(request);
  const text = await response.text();
  expect(text).not.toContain(process.env.FINCH_WEBHOOK_SECRET);
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}
