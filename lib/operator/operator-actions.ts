"use server";

import { z } from "zod";
import { operatorAction } from "@/lib/actions/form-action";
import { checkConnectionNow } from "@/lib/operator/check-connection-now";
import { resendReconnectEmail } from "@/lib/operator/resend-reconnect-email";
import { retryFailedEmail } from "@/lib/operator/retry-failed-email";
import { closeProviderIncident } from "@/lib/outages/close-provider-incident";
import { releaseHeldEmails } from "@/lib/outages/release-held-emails";

// Every action re-checks the operator itself (operatorAction): a server action is reachable without its page.
const idSchema = z.object({ id: z.string().min(1).max(64) });
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export const releaseHeldEmailsAction = operatorAction(
  idSchema,
  async ({ id }, operator) => {
    const released = await releaseHeldEmails({ providerIncidentId: id, actorUserId: operator.id });
    return { kind: "success", message: `Released ${plural(released, "held email")}.` };
  },
  { revalidate: ["/operator"] },
);

export const closeIncidentAction = operatorAction(
  idSchema,
  async ({ id }, operator) => {
    const { cancelled, released } = await closeProviderIncident({
      providerIncidentId: id,
      actorUserId: operator.id,
    });
    return { kind: "success", message: `Closed: ${released} released, ${cancelled} cancelled (recovered).` };
  },
  { revalidate: ["/operator"] },
);

export const resendReconnectEmailAction = operatorAction(
  idSchema,
  async ({ id }, operator) => {
    const { recipients } = await resendReconnectEmail({ connectionId: id, operator });
    return { kind: "success", message: `Reconnect email sent to ${plural(recipients, "member")}.` };
  },
  { revalidate: [{ path: "/operator", type: "layout" }] },
);

export const checkConnectionNowAction = operatorAction(
  idSchema,
  async ({ id }, operator) => ({
    kind: "success",
    message: await checkConnectionNow({ connectionId: id, operator }),
  }),
  { revalidate: [{ path: "/operator", type: "layout" }] },
);

export const retryFailedEmailAction = operatorAction(
  idSchema,
  async ({ id }, operator) => {
    await retryFailedEmail({ outboxId: id, operator });
    return { kind: "success", message: "Queued to send again." };
  },
  { revalidate: ["/operator/machinery"] },
);
