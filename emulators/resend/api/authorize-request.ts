// Checks the `Authorization: Bearer re_…` header the way Resend does.
import { resendError, type ResendError } from "./resend-errors";

export interface AuthorizeOptions {
  /** When set, only this key is accepted; otherwise any non-empty `re_…` key is. */
  apiKey: string | null;
}

/** Returns the Resend error to send, or null when the request may proceed. */
export function authorizeRequest(header: string | undefined, options: AuthorizeOptions): ResendError | null {
  const match = /^Bearer\s+(.*)$/i.exec(header?.trim() ?? "");
  const key = match?.[1]?.trim() ?? "";
  if (key === "") {
    return resendError(
      401,
      "missing_api_key",
      "Missing API key in the authorization header. Include the following header Authorization: Bearer YOUR_API_KEY in the request.",
    );
  }
  const accepted = options.apiKey === null ? key.startsWith("re_") && key.length > 3 : key === options.apiKey;
  return accepted ? null : resendError(403, "invalid_api_key", "API key is invalid");
}
