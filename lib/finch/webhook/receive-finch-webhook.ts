// Everything behind POST /api/finch/webhook: verify, parse, dispatch. Answers are values (status +
// JSON body) so the route stays thin; only account.updated changes anything, quickly and inline.
import "server-only";
import { handleAccountUpdated } from "@/lib/signals/handle-account-updated";
import { logInfo } from "@/lib/log";
import { finchStatusSchema } from "@/lib/finch/finch-status-schema";
import { accountUpdatedEventSchema, webhookEnvelopeSchema } from "./finch-webhook-schema";
import { verifyFinchWebhook } from "./verify-finch-webhook";

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

const ignored = (reason: string): WebhookAnswer => ({ status: 200, body: { ok: true, ignored: reason } });

export async function receiveFinchWebhook(rawBody: string, headers: Headers): Promise<WebhookAnswer> {
  const verified = verifyFinchWebhook(rawBody, headers);
  if (verified.kind === "rejected") {
    logInfo(`finch webhook rejected: ${verified.error}`);
    return { status: verified.status, body: { error: verified.error } };
  }
  const envelope = webhookEnvelopeSchema.safeParse(verified.payload);
  if (!envelope.success) return { status: 400, body: { error: "The webhook body has no event_type." } };
  // Other events (data syncs, directory changes…) carry nothing about connection health.
  if (envelope.data.event_type !== "account.updated") return ignored("event type");

  const event = accountUpdatedEventSchema.safeParse(verified.payload);
  if (!event.success)
    return { status: 400, body: { error: "account.updated needs connection_id and data.status." } };
  const status = finchStatusSchema.safeParse(event.data.data.status);
  if (!status.success) {
    logInfo(`finch webhook ${verified.eventId}: unknown account status; ignored`);
    return ignored("status");
  }

  const result = await handleAccountUpdated({
    eventId: verified.eventId,
    finchConnectionId: event.data.connection_id,
    finchEntityId: event.data.entity_id ?? undefined,
    finchStatus: status.data,
    authenticationType: event.data.data.authentication_method,
  });
  switch (result.kind) {
    case "duplicate":
      return { status: 200, body: { ok: true, duplicate: true } };
    case "unknown_connection":
      logInfo(
        `finch webhook ${verified.eventId}: account.updated for unknown connection ${event.data.connection_id}; ignored`,
      );
      return ignored("connection");
    case "applied":
      return { status: 200, body: { ok: true, changed: result.changed } };
  }
}
