// What one kind of outbox delivery supplies; the outbox does the rest (claim, backoff, timeline,
// relay). compose reads what the message needs as things are now, or says why it must not go out;
// send hands it to the remote service; describe gives the timeline its words.
import type { ConnectionEventType } from "@/lib/connections/connection-events";
import type { OutboxName } from "./outboxes";
import type { OutboxRow } from "./outbox-store";

export type Composed<Message> = { kind: "ready"; message: Message } | { kind: "cancelled"; reason: string };

export interface Description {
  /** What was delivered, e.g. "Reminder" or "Slack alert (broken)". */
  what: string;
  /** Whom it went to, e.g. an address or a URL's hint. */
  to: string;
  actorUserId?: string;
}

export interface OutboxAdapter<Row extends OutboxRow, Message> {
  name: OutboxName;
  /** The timeline entries for a delivery and for giving up. */
  events: { sent: ConnectionEventType; failed: ConnectionEventType; sentVerb: string };
  compose(row: Row): Promise<Composed<Message>>;
  /** Sends; returns the remote service's reference, stored on the row. Throws to retry or give up. */
  send(row: Row, message: Message, now: Date): Promise<{ reference: string | number | null }>;
  /** The words for the timeline and logs; message is absent when composing failed. */
  describe(row: Row, message?: Message): Description;
}
