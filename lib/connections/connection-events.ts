// The connection timeline: every state change and customer action, in order.
import "server-only";
import type { Tx } from "@/lib/db";

export type ConnectionEventType =
  | "connected"
  | "broken"
  | "recovered"
  | "reconnected"
  | "status_changed"
  | "mismatch"
  | "connect_started"
  | "reconnect_failed"
  | "email_sent"
  | "email_failed"
  | "alert_sent"
  | "alert_failed"
  // Events to the host's backend (its webhook endpoints).
  | "host_event_sent"
  | "host_event_failed"
  | "link_opened"
  | "repair_receipt"
  | "connect_attempt_failed"
  | "repair_help_offered"
  | "handed_off"
  // The host's backend read the access token through the API (the detail names the key).
  | "token_read"
  // The host's backend imported it (POST /api/v1/connections/import), or imported it again with a new token.
  | "imported"
  | "token_replaced"
  // Operator console actions (actorUserId is the operator).
  | "operator_resend"
  | "operator_check"
  | "operator_retry";

export interface ConnectionEventInput {
  connectionId: string;
  organizationId: string;
  type: ConnectionEventType;
  source?: string;
  detail?: string;
  actorUserId?: string;
  at?: Date;
}

type Writer = Pick<Tx, "connectionEvent">;

export function recordConnectionEvent(db: Writer, { at, ...event }: ConnectionEventInput) {
  return db.connectionEvent.create({ data: { ...event, createdAt: at ?? new Date() }, select: { id: true } });
}
