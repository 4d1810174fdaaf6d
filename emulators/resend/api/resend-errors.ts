// Resend's error body, as the official SDK reads it: `{ statusCode, name, message }`.
import { json, type Reply } from "../../shared/http/reply";

export type ResendErrorName =
  | "missing_api_key"
  | "invalid_api_key"
  | "validation_error"
  | "missing_required_field"
  | "invalid_attachment"
  | "invalid_parameter"
  | "invalid_idempotency_key"
  | "invalid_idempotent_request"
  | "not_found"
  | "method_not_allowed"
  | "rate_limit_exceeded"
  | "application_error"
  | "internal_server_error";

export interface ResendError {
  statusCode: number;
  name: ResendErrorName;
  message: string;
}

export function resendError(statusCode: number, name: ResendErrorName, message: string): ResendError {
  return { statusCode, name, message };
}

/** Resend names the offending field in backticks; the app's logs and the tests rely on that. */
export function missingField(field: string): ResendError {
  return resendError(422, "missing_required_field", `Missing \`${field}\` field.`);
}

export function invalidField(field: string, detail: string): ResendError {
  return resendError(422, "validation_error", `Invalid \`${field}\` field. ${detail}`);
}

export const notFound = (message = "The requested endpoint does not exist."): ResendError =>
  resendError(404, "not_found", message);

export const methodNotAllowed = (): ResendError =>
  resendError(405, "method_not_allowed", "Method is not allowed for the requested path.");

/** The error as an HTTP answer: its status, its body. */
export function errorReply(error: ResendError, headers?: Record<string, string>): Reply {
  return json(error, error.statusCode, headers);
}
