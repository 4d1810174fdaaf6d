// Reads messages from the Resend stand-in's mailbox, the way a person would find them in their inbox.
import { expect } from "@playwright/test";

import { MAILBOX_URL } from "./ports";

export { MAILBOX_URL };

export interface MailboxMessage {
  id: string;
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  created_at: string;
}

export async function listMessages(to: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${MAILBOX_URL}/emails?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
  const body = (await response.json()) as { data: MailboxMessage[] } | MailboxMessage[];
  return Array.isArray(body) ? body : body.data;
}

/** The ids already delivered to `to`, so a later wait can insist on a new message. */
export async function messageIds(to: string): Promise<Set<string>> {
  return new Set((await listMessages(to)).map((message) => message.id));
}

/** Waits for a message to `to` whose subject matches (and is not among `seen`); returns the newest. */
export async function waitForMessage(
  to: string,
  subject: RegExp,
  seen: Set<string> = new Set(),
): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await listMessages(to)).find(
          (message) => subject.test(message.subject) && !seen.has(message.id),
        );
        return Boolean(found);
      },
      { message: `an email to ${to} with subject ${subject}`, timeout: 20_000 },
    )
    .toBe(true);
  return found as MailboxMessage;
}

/** The href of the first link whose text matches, from an email's HTML. */
export function linkIn(message: MailboxMessage, text: RegExp): string {
  for (const match of message.html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
    const label = match[2]
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<[^>]+>/g, "")
      .replace(/&[#\w]+;/g, " ")
      .trim();
    if (text.test(label)) return match[1].replaceAll("&amp;", "&");
  }
  throw new Error(`no link matching ${text} in "${message.subject}"`);
}

export function uniqueEmail(prefix = "customer"): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}
