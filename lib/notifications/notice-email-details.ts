// What every email about an incident shares: the context read once from the database, and for the
// "needs reconnecting" notices (broken, reminder) the details, the advice and the unsubscribe headers.
import "server-only";
import { affectedServices } from "@/lib/connections/affected-services";
import { REAUTH_REASON } from "@/lib/connections/connection-status";
import { repairAdvice } from "@/lib/connections/repair-advice";
import { exactTime } from "@/lib/format-time";
import type { EmailOutbox } from "@/lib/generated/prisma/client";
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";
import { emailPreferencePageUrl, oneClickUnsubscribeUrl } from "./email-preference-links";
import type { OutboxPayload } from "./outbox-email-kinds";
import { reconnectLinkUrl } from "./reconnect-link";

export interface NoticeContext {
  row: EmailOutbox;
  connection: {
    providerId: string;
    providerName: string;
    finchStatus: string;
    authenticationType: string | null;
    status: ConnectionStatus;
    products: string[];
    organization: { name: string };
    statusReason: string | null;
    /** Multi-entity connections have entity records; their reason names the scope and the companies. */
    _count: { entities: number };
  };
  incident: { id: string; startedAt: Date; reason: string | null; resolvedAt: Date | null };
  payload: OutboxPayload;
}

/** The organization, the provider and what stops working: in every incident email. */
export function commonDetails({ connection }: NoticeContext) {
  return {
    organizationName: connection.organization.name,
    providerName: connection.providerName,
    services: affectedServices(connection.products),
  };
}

/** Since when, why, what to do, the reconnect link and the unsubscribe link and headers. */
export function noticeDetails(context: NoticeContext) {
  const { row, connection, incident } = context;
  const advice = repairAdvice(connection);
  const issuedAt = row.createdAt;
  // "1 of 3 companies on your Gusto connection needs you to reconnect: Acme East."
  const scoped =
    connection._count.entities > 0 && connection.statusReason ? `${connection.statusReason}.` : null;
  return {
    details: {
      ...commonDetails(context),
      since: exactTime(incident.startedAt.toISOString()),
      reason: scoped ?? advice?.happened ?? incident.reason ?? REAUTH_REASON,
      steps: advice?.todo ?? [],
      reconnectUrl: reconnectLinkUrl({ connectionId: row.connectionId, userId: row.userId, issuedAt }),
      unsubscribeUrl: emailPreferencePageUrl({ kind: "unsubscribe", userId: row.userId }, issuedAt),
    },
    // RFC 2369 / RFC 8058: mail clients show their own "Unsubscribe" and POST to this URL.
    headers: {
      "List-Unsubscribe": `<${oneClickUnsubscribeUrl(row.userId, issuedAt)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
