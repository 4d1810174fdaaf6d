// Hands email outbox rows to the "email-send" queue (see dispatchOutboxRows).
import "server-only";
import { dispatchOutboxRows } from "./outbox-delivery";

export function dispatchOutboxEmails(outboxIds: string[], startAfter?: Date): Promise<number> {
  return dispatchOutboxRows("email-send", outboxIds, startAfter);
}
