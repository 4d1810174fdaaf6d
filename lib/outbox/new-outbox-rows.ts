// The rows one event queues, one per recipient, built alike for every outbox: the recipient's own
// columns (its dedupe key among them), then what they all share, created and first due at the same moment.

/** What every row of one event shares. */
export interface SharedOutboxColumns<Payload> {
  organizationId: string;
  connectionId: string;
  incidentId: string | null;
  /** Fixed when queued: every retry sends the same. */
  payload: Payload;
  /** When the rows are created and first due. */
  at: Date;
}

export function newOutboxRows<Recipient, Own extends { dedupeKey: string }, Payload>(
  recipients: readonly Recipient[],
  own: (recipient: Recipient) => Own,
  { at, ...shared }: SharedOutboxColumns<Payload>,
) {
  return recipients.map((recipient) => ({ ...own(recipient), ...shared, createdAt: at, nextAttemptAt: at }));
}
