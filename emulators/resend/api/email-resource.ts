// The JSON Resend returns for one email (`GET /emails/:id`), plus the fields a local test wants.
import type { StoredEmail } from "../state/stored-email";

export interface EmailResource {
  object: "email";
  id: string;
  from: string;
  to: string[];
  cc: string[] | null;
  bcc: string[] | null;
  reply_to: string[] | null;
  subject: string;
  html: string | null;
  text: string | null;
  created_at: string;
  scheduled_at: string | null;
  last_event: "delivered" | "scheduled";
  message_id: string;
  topic_id: null;
  tags: StoredEmail["tags"];
  // Not in Resend's response; kept because outbox tests assert on them.
  headers: StoredEmail["headers"];
  attachments: StoredEmail["attachments"];
}

export function toEmailResource(email: StoredEmail): EmailResource {
  return {
    object: "email",
    id: email.id,
    from: email.from,
    to: email.to,
    cc: email.cc,
    bcc: email.bcc,
    reply_to: email.reply_to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    created_at: email.created_at,
    scheduled_at: email.scheduled_at,
    // Nothing leaves the machine, so an email counts as delivered the moment it is accepted.
    last_event: email.scheduled_at ? "scheduled" : "delivered",
    message_id: `<${email.id}@resend-emulator.local>`,
    topic_id: null,
    tags: email.tags,
    headers: email.headers,
    attachments: email.attachments,
  };
}
