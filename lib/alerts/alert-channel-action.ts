"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  removeAlertChannel,
  rotateWebhookSecret,
  saveAlertChannel,
} from "@/lib/alerts/manage-alert-channels";
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import { requireMember } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export type AlertChannelState =
  { kind: "success"; message: string; secret?: string } | { kind: "error"; error: string } | null;

const formSchema = z.object({
  kind: z.enum(["slack", "webhook"]),
  intent: z.enum(["save", "test", "rotate", "remove"]),
  url: z.string().max(2048).optional(),
});

/** One action per channel form; the pressed button's `intent` says what to do. Owners only. */
export async function alertChannelAction(_: AlertChannelState, form: FormData): Promise<AlertChannelState> {
  const member = await requireMember("/settings/notifications");
  if (member.role !== "owner") return { kind: "error", error: "Only an owner can change alert channels." };
  const input = formSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { kind: "error", error: "Check the form and try again." };
  const { kind, intent, url } = input.data;
  const organizationId = member.organization.id;
  try {
    if (intent === "test") {
      const result = await sendTestAlert(organizationId, kind);
      return result.ok
        ? { kind: "success", message: `Test sent: the receiver answered ${result.status}.` }
        : { kind: "error", error: result.error };
    }
    if (intent === "rotate") {
      const secret = await rotateWebhookSecret(organizationId);
      revalidatePath("/settings/notifications");
      return secret
        ? { kind: "success", message: "New signing secret. The old one no longer signs anything.", secret }
        : { kind: "error", error: "Save an endpoint URL first." };
    }
    if (intent === "remove") {
      await removeAlertChannel(organizationId, kind);
      revalidatePath("/settings/notifications");
      return { kind: "success", message: "Removed. No more alerts go there." };
    }
    if (!url?.trim()) return { kind: "error", error: "Enter a URL." };
    const { secret } = await saveAlertChannel({ organizationId, kind, url });
    revalidatePath("/settings/notifications");
    // A new endpoint URL always comes with a new secret: the previous receiver must not sign for it.
    return secret
      ? {
          kind: "success",
          message: "Saved, with a new signing secret. Copy it now: it is shown only once.",
          secret,
        }
      : { kind: "success", message: "Saved." };
  } catch (error) {
    if (isAppError(error)) return { kind: "error", error: error.userMessage };
    throw error;
  }
}
