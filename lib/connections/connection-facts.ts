// A connection's public facts in the host's words (snake_case, Finch's status word): the one mapping
// behind the API's <Connection> and the data of events to the host. Selected column by column, so no
// token can reach it.
import type { Prisma } from "@/lib/generated/prisma/client";

export const CONNECTION_FACTS_SELECT = {
  id: true,
  finchConnectionId: true,
  providerId: true,
  providerName: true,
  finchStatus: true,
  statusSince: true,
  statusSource: true,
  tokenUpdatedAt: true,
  organization: { select: { id: true, externalId: true, name: true } },
} satisfies Prisma.ConnectionSelect;

export type ConnectionFactsRow = Prisma.ConnectionGetPayload<{ select: typeof CONNECTION_FACTS_SELECT }>;

export function connectionFacts(row: ConnectionFactsRow) {
  return {
    finch_connection_id: row.finchConnectionId,
    organization: {
      id: row.organization.id,
      external_id: row.organization.externalId,
      name: row.organization.name,
    },
    provider_id: row.providerId,
    provider_name: row.providerName,
    status: row.finchStatus,
    status_since: row.statusSince.toISOString(),
    detection_path: row.statusSource,
    token_rotated_at: row.tokenUpdatedAt.toISOString(),
  };
}
