"use server";

import { z } from "zod";
import { memberAction } from "@/lib/actions/form-action";
import {
  removeAlertChannel,
  rotateWebhookSecret,
  saveAlertChannel,
} from "@/lib/alerts/manage-alert-channels";
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import type { FormState } from "@/lib/form-state";

export type AlertChannelState = FormState<{ secret?: string }>;

const error = "Check the form and try again.";
const formSchema = z.object({
  kind: z.enum(["slack", "webhook"], { error }),
  intent: z.enum(["save", "test", "rotate", "remove"], { error }),
  url: z.string({ error }).max(2048, { error }).optional(),
});

/** One action per channel form; the pressed button's `intent` says what to do. Owners only. */
export const alertChannelAction = memberAction(
  formSchema,
  async ({ kind, intent, url }, member): Promise<Exclude<AlertChannelState, null>> => {
    if (member.role !== "owner") return { kind: "error", error: "Only an owner can change alert channels." };
    const organizationId = member.organization.id;
    if (intent === "test") {
      const result = await sendTestAlert(organizationId, kind);
      return result.ok
        ? { kind: "success", message: `Test sent: the receiver answered ${result.status}.` }
        : { kind: "error", error: result.error };
    }
    if (intent === "rotate") {
      const secret = await rotateWebhookSecret(organizationId);
      return secret
        ? { kind: "success", message: "New signing secret. The old one no longer signs anything.", secret }
        : { kind: "error", error: "Save an endpoint URL first." };
    }
    if (intent === "remove") {
      await removeAlertChannel(organizationId, kind);
      return { kind: "success", message: "Removed. No more alerts go there." };
    }
    if (!url?.trim()) return { kind: "error", error: "Enter a URL." };
    const { secret } = await saveAlertChannel({ organizationId, kind, url });
    return secret
      ? {
          kind: "success",
          message: "Saved, with a new signing secret. Copy it now: it is shown only once.",
          secret,
        }
      : { kind: "success", message: "Saved." };
  },
  { returnTo: "/settings/notifications", revalidate: ["/settings/notifications"] },
);
