// Connections as the API shows them (<Connection>): one by id, or a filtered page in id order.
import "server-only";
import { connectionFacts, CONNECTION_FACTS_SELECT } from "@/lib/connections/connection-facts";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "./api-errors";
import type { ApiConnection } from "./contract/shared";

const SELECT = {
  ...CONNECTION_FACTS_SELECT,
  products: true,
  entities: {
    select: { finchEntityId: true, name: true, finchStatus: true },
    orderBy: { finchEntityId: "asc" },
  },
} satisfies Prisma.ConnectionSelect;

type Row = Prisma.ConnectionGetPayload<{ select: typeof SELECT }>;

export function toApiConnection(row: Row): ApiConnection {
  return {
    id: row.id,
    ...connectionFacts(row),
    products: row.products,
    entities: row.entities.map((entity) => ({
      finch_entity_id: entity.finchEntityId,
      name: entity.name,
      status: entity.finchStatus,
    })),
  };
}

export async function getApiConnection(id: string): Promise<ApiConnection> {
  const row = await db().connection.findUnique({ where: { id }, select: SELECT });
  if (!row) throw new ApiError("not_found", "No connection has this id.");
  return toApiConnection(row);
}

export async function listApiConnections(filter: {
  status?: string;
  organization_external_id?: string;
  cursor?: string;
  limit: number;
}): Promise<{ data: ApiConnection[]; next_cursor: string | null }> {
  const rows = await db().connection.findMany({
    where: {
      finchStatus: filter.status,
      organization: filter.organization_external_id
        ? { externalId: filter.organization_external_id }
        : undefined,
      id: filter.cursor ? { gt: filter.cursor } : undefined,
    },
    select: SELECT,
    orderBy: { id: "asc" },
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    data: page.map(toApiConnection),
    next_cursor: rows.length > filter.limit ? page[page.length - 1].id : null,
  };
}
