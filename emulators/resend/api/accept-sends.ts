// Validates and stores the emails of one `POST /emails` or `POST /emails/batch` body.
import type { EmailStore } from "../state/email-store";
import { resendError, type ResendError } from "./resend-errors";
import type { StoredEmail } from "../state/stored-email";
import { validateEmailPayload } from "./validate-email-payload";

export const MAX_BATCH_SIZE = 100;

export type SendOutcome =
  { ok: true; body: unknown; accepted: StoredEmail[] } | { ok: false; error: ResendError };

export function acceptEmail(body: unknown, store: EmailStore): SendOutcome {
  const result = validateEmailPayload(body, { batch: false });
  if (!result.ok) return result;
  const stored = store.add(result.email);
  return { ok: true, body: { id: stored.id }, accepted: [stored] };
}

/**
 * "strict" (the SDK's default) rejects the whole batch when any email is invalid;
 * "permissive" keeps the valid ones and lists the rest under `errors`.
 */
export function acceptBatch(body: unknown, mode: "strict" | "permissive", store: EmailStore): SendOutcome {
  if (!Array.isArray(body)) {
    return fail(resendError(422, "validation_error", "Invalid request body. Expected an array of emails."));
  }
  if (body.length === 0)
    return fail(resendError(422, "validation_error", "The batch must contain at least one email."));
  if (body.length > MAX_BATCH_SIZE) {
    return fail(
      resendError(422, "validation_error", `Too many emails in the batch. The maximum is ${MAX_BATCH_SIZE}.`),
    );
  }
  const results = body.map((item) => validateEmailPayload(item, { batch: true }));
  const errors = results.flatMap((result, index) => (result.ok ? [] : [{ index, error: result.error }]));
  const first = errors[0];
  if (mode === "strict" && first) {
    return fail({ ...first.error, message: `\`emails[${first.index}]\`: ${first.error.message}` });
  }
  const accepted = results.flatMap((result) => (result.ok ? [store.add(result.email)] : []));
  const data = accepted.map((email) => ({ id: email.id }));
  const responseBody =
    mode === "permissive"
      ? { data, errors: errors.map(({ index, error }) => ({ index, message: error.message })) }
      : { data };
  return { ok: true, body: responseBody, accepted };
}

function fail(error: ResendError): SendOutcome {
  return { ok: false, error };
}
