// Leasing a bulk import's items: a worker takes the next pending items whose lease is free (none, or
// passed: its worker died), in position order, skipping rows another worker is taking at this moment.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export interface ClaimedItemRow {
  id: string;
  position: number;
  organizationExternalId: string;
  organizationName: string;
  adminEmails: string[];
  accessTokenCiphertext: string | null;
  accessTokenKeyId: string | null;
  attempts: number;
}

export function claimImportItemsSql(importId: string, limit: number, leaseSeconds: number): Prisma.Sql {
  return Prisma.sql`
    UPDATE "ConnectionImportItem" AS item
       SET "claimedUntil" = clock_timestamp() + make_interval(secs => ${leaseSeconds}),
           attempts = item.attempts + 1,
           "updatedAt" = clock_timestamp()
     WHERE item.id IN (
             SELECT id FROM "ConnectionImportItem"
              WHERE "importId" = ${importId} AND status = 'pending'
                AND ("claimedUntil" IS NULL OR "claimedUntil" < clock_timestamp())
              ORDER BY position
              LIMIT ${limit}
                FOR UPDATE SKIP LOCKED)
    RETURNING item.id, item.position, item."organizationExternalId", item."organizationName",
              item."adminEmails", item."accessTokenCiphertext", item."accessTokenKeyId", item.attempts`;
}

/** Leases up to `limit` items for `leaseSeconds`, counting an attempt for each. */
export function claimImportItems(importId: string, limit: number, leaseSeconds: number) {
  return db().$queryRaw<ClaimedItemRow[]>(claimImportItemsSql(importId, limit, leaseSeconds));
}
