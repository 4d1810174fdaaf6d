"use server";

import { revalidatePath } from "next/cache";
import { formError, type FormState } from "@/lib/form-state";
import { parseRecordId } from "@/lib/http/record-id";
import { checkConnectionNow } from "@/lib/operator/check-connection-now";
import { requireOperator } from "@/lib/operator/require-operator";
import { resendReconnectEmail } from "@/lib/operator/resend-reconnect-email";
import { retryFailedEmail } from "@/lib/operator/retry-failed-email";
import { closeProviderIncident } from "@/lib/outages/close-provider-incident";
import { releaseHeldEmails } from "@/lib/outages/release-held-emails";

// Every action re-checks the operator itself: a server action is reachable without its page.
const readId = (form: FormData) => parseRecordId(form.get("id"));

export async function releaseHeldEmailsAction(_: FormState, form: FormData): Promise<FormState> {
  const operator = await requireOperator();
  try {
    const released = await releaseHeldEmails({ providerIncidentId: readId(form), actorUserId: operator.id });
    revalidatePath("/operator");
    return { kind: "success", message: `Released ${released} held email${released === 1 ? "" : "s"}.` };
  } catch (error) {
    return formError(error);
  }
}

export async function closeIncidentAction(_: FormState, form: FormData): Promise<FormState> {
  const operator = await requireOperator();
  try {
    const { cancelled, released } = await closeProviderIncident({
      providerIncidentId: readId(form),
      actorUserId: operator.id,
    });
    revalidatePath("/operator");
    return { kind: "success", message: `Closed: ${released} released, ${cancelled} cancelled (recovered).` };
  } catch (error) {
    return formError(error);
  }
}

export async function resendReconnectEmailAction(_: FormState, form: FormData): Promise<FormState> {
  const operator = await requireOperator();
  try {
    const { recipients } = await resendReconnectEmail({ connectionId: readId(form), operator });
    revalidatePath("/operator", "layout");
    return {
      kind: "success",
      message: `Reconnect email sent to ${recipients} member${recipients === 1 ? "" : "s"}.`,
    };
  } catch (error) {
    return formError(error);
  }
}

export async function checkConnectionNowAction(_: FormState, form: FormData): Promise<FormState> {
  const operator = await requireOperator();
  try {
    const message = await checkConnectionNow({ connectionId: readId(form), operator });
    revalidatePath("/operator", "layout");
    return { kind: "success", message };
  } catch (error) {
    return formError(error);
  }
}

export async function retryFailedEmailAction(_: FormState, form: FormData): Promise<FormState> {
  const operator = await requireOperator();
  try {
    await retryFailedEmail({ outboxId: readId(form), operator });
    revalidatePath("/operator/machinery");
    return { kind: "success", message: "Queued to send again." };
  } catch (error) {
    return formError(error);
  }
}
