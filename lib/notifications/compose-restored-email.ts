// The "working again" confirmation: how it was fixed, who reconnected, and the repair receipt.
import "server-only";
import { createElement } from "react";
import { ConnectionRestoredEmail } from "@/components/emails/connection-restored-email";
import { env } from "@/lib/env";
import type { ReadyEmail } from "./composed-email";
import { commonDetails, type NoticeContext } from "./notice-email-details";
import { restoredEmailReceipt } from "./restored-email-receipt";

export async function composeRestoredEmail(context: NoticeContext): Promise<ReadyEmail> {
  const { connection, incident, payload } = context;
  const how = payload.how ?? "reconnected";
  const receipt = await restoredEmailReceipt({
    incidentId: incident.id,
    resolvedAt: incident.resolvedAt,
    how,
  });
  return {
    kind: "ready",
    subject:
      how === "reconnected"
        ? `Reconnected: ${connection.providerName} is working again`
        : `${connection.providerName} is working again`,
    react: createElement(ConnectionRestoredEmail, {
      ...commonDetails(context),
      how,
      receipt: receipt?.checks ?? [],
      reconnectedBy: receipt?.reconnectedBy ?? null,
      dashboardUrl: new URL("/", env().APP_URL).toString(),
    }),
  };
}
