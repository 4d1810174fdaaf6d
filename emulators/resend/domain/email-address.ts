// Parses `user@example.com` and `Name <user@example.com>`, the two forms Resend accepts.

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;
const MAILBOX = /^(?:"[^"]*"|[^<>"]*)\s*<([^<>]+)>$/;

/** The bare address inside a mailbox, lower-cased, or null when the value is not a valid mailbox. */
export function addressOf(mailbox: string): string | null {
  const trimmed = mailbox.trim();
  const inner = MAILBOX.exec(trimmed)?.[1]?.trim() ?? trimmed;
  return ADDRESS.test(inner) ? inner.toLowerCase() : null;
}

export function isValidMailbox(mailbox: string): boolean {
  return addressOf(mailbox) !== null;
}
