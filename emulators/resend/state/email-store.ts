// In-memory list of sent emails, newest first on the way out.
import { randomUUID } from "node:crypto";
import { addressOf } from "../domain/email-address";
import type { NewEmail, StoredEmail } from "./stored-email";

export interface ListEmailsQuery {
  /** Only emails whose `to` list contains this address (case-insensitive, display names ignored). */
  to?: string;
  limit?: number;
}

export class EmailStore {
  // Oldest first, so insertion order breaks ties between emails sent in the same millisecond.
  private emails: StoredEmail[];

  constructor(initial: StoredEmail[] = []) {
    this.emails = [...initial];
  }

  add(email: NewEmail, now = new Date()): StoredEmail {
    const stored: StoredEmail = { id: randomUUID(), ...email, created_at: now.toISOString() };
    this.emails.push(stored);
    return stored;
  }

  get(id: string): StoredEmail | undefined {
    return this.emails.find((email) => email.id === id);
  }

  list(query: ListEmailsQuery = {}): { emails: StoredEmail[]; hasMore: boolean } {
    const wanted = query.to === undefined ? null : (addressOf(query.to) ?? query.to.trim().toLowerCase());
    const matching = [...this.emails]
      .reverse()
      .filter((email) => wanted === null || email.to.some((mailbox) => addressOf(mailbox) === wanted));
    const limit = query.limit ?? matching.length;
    return { emails: matching.slice(0, limit), hasMore: matching.length > limit };
  }

  count(): number {
    return this.emails.length;
  }

  clear(): number {
    const removed = this.emails.length;
    this.emails = [];
    return removed;
  }

  /** Oldest first, the order the state file keeps. */
  snapshot(): StoredEmail[] {
    return [...this.emails];
  }
}
