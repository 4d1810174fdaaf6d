// The JSON body of `POST /emails` (and of each batch item), in Resend's snake_case API form.
import { z } from "zod";

const addressList = z.union([z.string(), z.array(z.string())]);

export const attachmentSchema = z.object({
  content: z.string().optional(),
  filename: z.union([z.string(), z.literal(false)]).optional(),
  path: z.string().optional(),
  content_type: z.string().optional(),
  content_id: z.string().optional(),
});

export const emailPayloadSchema = z.object({
  from: z.string(),
  to: addressList,
  subject: z.string(),
  html: z.string().optional(),
  text: z.string().optional(),
  cc: addressList.optional(),
  bcc: addressList.optional(),
  reply_to: addressList.optional(),
  headers: z.record(z.string(), z.string()).optional(),
  tags: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  attachments: z.array(attachmentSchema).optional(),
  scheduled_at: z.string().optional(),
  topic_id: z.string().nullable().optional(),
  template: z.unknown().optional(),
});

export type EmailPayload = z.infer<typeof emailPayloadSchema>;

/** What to say when a field has the wrong type, in Resend's "Invalid `field` field." style. */
export const expectedShape: Record<string, string> = {
  from: "Expected a string.",
  to: "Expected a string or an array of strings.",
  subject: "Expected a string.",
  html: "Expected a string.",
  text: "Expected a string.",
  cc: "Expected a string or an array of strings.",
  bcc: "Expected a string or an array of strings.",
  reply_to: "Expected a string or an array of strings.",
  headers: "Expected an object whose values are strings.",
  tags: "Expected an array of `{ name, value }` objects.",
  attachments: "Expected an array of attachment objects.",
  scheduled_at: "Expected a date in ISO 8601 format or natural language.",
  topic_id: "Expected a string.",
};
