// Turns one request body into a NewEmail, or into the error Resend would answer with.
import { isValidMailbox } from "../domain/email-address";
import { emailPayloadSchema, expectedShape, type EmailPayload } from "./email-payload-schema";
import { invalidField, missingField, resendError, type ResendError } from "./resend-errors";
import type { AttachmentSummary, NewEmail } from "../state/stored-email";

export const MAX_RECIPIENTS = 50;

const ADDRESS_FORMAT =
  "The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.";
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;
const REQUIRED_FIELDS = ["from", "to", "subject"] as const;

export type ValidationResult = { ok: true; email: NewEmail } | { ok: false; error: ResendError };

export interface ValidateOptions {
  /** Batch items may not carry attachments or a schedule. */
  batch: boolean;
}

export function validateEmailPayload(input: unknown, options: ValidateOptions): ValidationResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(resendError(422, "validation_error", "Invalid request body. Expected a JSON object."));
  }
  const record = input as Record<string, unknown>;
  for (const field of REQUIRED_FIELDS) {
    if (isBlank(record[field])) return fail(missingField(field));
  }
  const parsed = emailPayloadSchema.safeParse(record);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "body");
    return fail(invalidField(field, expectedShape[field] ?? "Unexpected value."));
  }
  const problem = findProblem(parsed.data, options);
  return problem ? fail(problem) : { ok: true, email: toNewEmail(parsed.data) };
}

function findProblem(payload: EmailPayload, options: ValidateOptions): ResendError | null {
  if (!isValidMailbox(payload.from)) return invalidField("from", ADDRESS_FORMAT);
  for (const field of ["to", "cc", "bcc", "reply_to"] as const) {
    if (!asList(payload[field]).every(isValidMailbox)) return invalidField(field, ADDRESS_FORMAT);
  }
  if (asList(payload.to).length > MAX_RECIPIENTS) {
    return invalidField("to", `Too many recipients. The maximum is ${MAX_RECIPIENTS}.`);
  }
  if (payload.template !== undefined) {
    return resendError(
      422,
      "validation_error",
      "Templates are not supported by the local Resend emulator; send `html` or `text`.",
    );
  }
  if (!payload.html && !payload.text) {
    return resendError(422, "missing_required_field", "Missing `html` or `text` field.");
  }
  if (payload.tags?.some((tag) => !TAG_PART.test(tag.name) || !TAG_PART.test(tag.value))) {
    return invalidField(
      "tags",
      "Tag names and values can only contain ASCII letters, numbers, underscores or dashes (up to 256 characters).",
    );
  }
  if (options.batch && payload.attachments !== undefined) {
    return invalidField("attachments", "Attachments are not supported in batch emails.");
  }
  if (options.batch && payload.scheduled_at !== undefined) {
    return invalidField("scheduled_at", "Scheduling is not supported in batch emails.");
  }
  if (payload.attachments?.some((item) => item.content === undefined && item.path === undefined)) {
    return resendError(422, "invalid_attachment", "Attachment must have either a `content` or `path`.");
  }
  return null;
}

function toNewEmail(payload: EmailPayload): NewEmail {
  return {
    from: payload.from,
    to: asList(payload.to),
    cc: orNull(asList(payload.cc)),
    bcc: orNull(asList(payload.bcc)),
    reply_to: orNull(asList(payload.reply_to)),
    subject: payload.subject,
    html: payload.html || null,
    text: payload.text || null,
    headers: payload.headers ?? null,
    tags: payload.tags ?? null,
    attachments: payload.attachments?.map(summarizeAttachment) ?? null,
    scheduled_at: payload.scheduled_at ?? null,
  };
}

function summarizeAttachment(item: NonNullable<EmailPayload["attachments"]>[number]): AttachmentSummary {
  return {
    filename: typeof item.filename === "string" ? item.filename : null,
    content_type: item.content_type ?? null,
    path: item.path ?? null,
    size: item.content === undefined ? null : Buffer.from(item.content, "base64").length,
  };
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function orNull(list: string[]): string[] | null {
  return list.length > 0 ? list : null;
}

function fail(error: ResendError): ValidationResult {
  return { ok: false, error };
}
