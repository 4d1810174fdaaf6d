// "Send test": posts a sample connection.broken event to one channel right away (not through the
// outbox, the owner is waiting for the answer) and says what the receiver answered.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import type { AlertChannelKind } from "@/lib/generated/prisma/enums";
import { DestinationRefusedError } from "./safe-post";
import { sendToChannel } from "./send-to-channel";

export type TestAlertResult = { ok: true; status: number } | { ok: false; error: string };

export async function sendTestAlert(
  organizationId: string,
  kind: AlertChannelKind,
): Promise<TestAlertResult> {
  const channel = await db().alertChannel.findUnique({
    where: { organizationId_kind: { organizationId, kind } },
    include: { organization: { select: { name: true } } },
  });
  if (!channel) return { ok: false, error: "Save a URL first." };
  const now = new Date();
  try {
    const sent = await sendToChannel({
      channel,
      messageId: `msg_test_${crypto.randomBytes(8).toString("hex")}`,
      event: "connection.broken",
      payload: {
        connectionId: "test",
        provider: "Test provider",
        organization: channel.organization.name,
        incidentId: "test",
        since: now.toISOString(),
        reason: "This is a test alert from Payroll Connections; nothing is broken.",
        reconnectUrl: new URL("/", env().APP_URL).toString(),
        occurredAt: now.toISOString(),
      },
      now,
    });
    return { ok: true, status: sent.status };
  } catch (error) {
    // Only our own words reach the page: never the receiver's answer or anything decrypted.
    const reason =
      error instanceof DestinationRefusedError
        ? error.userMessage
        : isAppError(error)
          ? `${error.userMessage} (${error.message})`
          : "The test could not be sent.";
    return { ok: false, error: reason };
  }
}
