// Locks one of the organization's connections for the rest of the transaction (reports and hand-offs
// about it then count one at a time) and reads what they decide on.
import { Prisma } from "@/lib/generated/prisma/client";

export interface LockedConnection {
  status: string;
  statusSince: Date;
  providerName: string;
}

export function lockConnectionSql(connectionId: string, organizationId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT status::text AS status, "statusSince", "providerName" FROM "Connection"
    WHERE id = ${connectionId} AND "organizationId" = ${organizationId} FOR UPDATE`;
}
