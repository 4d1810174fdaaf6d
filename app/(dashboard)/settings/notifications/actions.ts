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
  { ok: true; message: string; secret?: string } | { ok: false; error: string } | null;

const formSchema = z.object({
  kind: z.enum(["slack", "webhook"]),
  intent: z.enum(["save", "test", "rotate", "remove"]),
  url: z.string().max(2048).optional(),
});

/** One action per channel form; the pressed button's `intent` says what to do. Owners only. */
export async function alertChannelAction(_: AlertChannelState, form: FormData): Promise<AlertChannelState> {
  const member = await requireMember("/settings/notifications");
  if (member.role !== "owner") return { ok: false, error: "Only an owner can change alert channels." };
  const input = formSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: "Check the form and try again." };
  const { kind, intent, url } = input.data;
  const organizationId = member.organization.id;
  try {
    if (intent === "test") {
      const result = await sendTestAlert(organizationId, kind);
      return result.ok
        ? { ok: true, message: `Test sent: the receiver answered ${result.status}.` }
        : { ok: false, error: result.error };
    }
    if (intent === "rotate") {
      const secret = await rotateWebhookSecret(organizationId);
      revalidatePath("/settings/notifications");
      return secret
        ? { ok: true, message: "New signing secret. The old one no longer signs anything.", secret }
        : { ok: false, error: "Save an endpoint URL first." };
    }
    if (intent === "remove") {
      await removeAlertChannel(organizationId, kind);
      revalidatePath("/settings/notifications");
      return { ok: true, message: "Removed. No more alerts go there." };
    }
    if (!url?.trim()) return { ok: false, error: "Enter a URL." };
    const { secret } = await saveAlertChannel({ organizationId, kind, url });
    revalidatePath("/settings/notifications");
    return secret
      ? { ok: true, message: "Saved. Copy the signing secret now: it is shown only once.", secret }
      : { ok: true, message: "Saved." };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.userMessage };
    throw error;
  }
}
