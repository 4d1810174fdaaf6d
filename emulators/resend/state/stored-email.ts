// The shape in which the emulator keeps a sent email; also validates it when read back from disk.
import { z } from "zod";

export const emailTagSchema = z.object({ name: z.string(), value: z.string() });

/** Attachment bodies are not kept; the mailbox only needs to show that they were sent. */
export const attachmentSummarySchema = z.object({
  filename: z.string().nullable(),
  content_type: z.string().nullable(),
  path: z.string().nullable(),
  size: z.number().nullable(),
});

export const storedEmailSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()).nullable(),
  bcc: z.array(z.string()).nullable(),
  reply_to: z.array(z.string()).nullable(),
  subject: z.string(),
  html: z.string().nullable(),
  text: z.string().nullable(),
  headers: z.record(z.string(), z.string()).nullable(),
  tags: z.array(emailTagSchema).nullable(),
  attachments: z.array(attachmentSummarySchema).nullable(),
  scheduled_at: z.string().nullable(),
  created_at: z.string(),
});

export type EmailTag = z.infer<typeof emailTagSchema>;
export type AttachmentSummary = z.infer<typeof attachmentSummarySchema>;
export type StoredEmail = z.infer<typeof storedEmailSchema>;
export type NewEmail = Omit<StoredEmail, "id" | "created_at">;
