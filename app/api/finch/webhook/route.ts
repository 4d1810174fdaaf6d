// POST /api/finch/webhook – verify Finch's signature, record each event once, apply account.updated to the connection
import { NextResponse } from "next/server";
import { receiveFinchWebhook } from "@/lib/finch/webhook/receive-finch-webhook";
import { jsonRoute } from "@/lib/auth/route-handler";
import { metrics, webhookOutcome } from "@/lib/observability/metrics";
import { withSpan } from "@/lib/observability/tracing";

// Finch's events are a few hundred bytes; anything far larger is not from Finch.
const MAX_BODY_BYTES = 256 * 1024;

export const POST = jsonRoute(async (request: Request) => {
  const tooLarge = NextResponse.json({ error: "The webhook body is too large." }, { status: 413 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge;
  // The signature covers the raw bytes, so the body is read as text and parsed only after verifying.
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) return tooLarge;
  // Answered only after the event is committed (or refused): a stopping replica loses none.
  const answer = await withSpan("finch.webhook", {}, async (span) => {
    const received = await receiveFinchWebhook(rawBody, request.headers).catch((error: unknown) => {
      metrics().webhooksReceived.inc({ outcome: "error" });
      throw error;
    });
    const outcome = webhookOutcome(received);
    metrics().webhooksReceived.inc({ outcome });
    span?.setAttributes({ "webhook.outcome": outcome, "http.response.status_code": received.status });
    return received;
  });
  return NextResponse.json(answer.body, { status: answer.status });
});
