// A bulk import's items in SQL: written in one statement from one JSON document (thousands of rows, far
// quicker than a generated multi-row insert), and leased: a worker takes the next pending items whose
// lease is free (none, or passed: its worker died), in position order, skipping rows another worker is
// taking at this moment.
import "server-only";
import { db, type Tx } from "@/lib/db";
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

export interface NewItemRow {
  position: number;
  externalId: string;
  name: string;
  emails: string[];
  ciphertext: string;
  keyId: string;
}

export function insertImportItemsSql(importId: string, rows: NewItemRow[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ConnectionImportItem" (id, "importId", position, "organizationExternalId", "organizationName",
                                        "adminEmails", "accessTokenCiphertext", "accessTokenKeyId", "updatedAt")
    SELECT ${importId} || '_' || item.position, ${importId}, item.position, item."externalId", item.name,
           ARRAY(SELECT jsonb_array_elements_text(item.emails)), item.ciphertext, item."keyId", clock_timestamp()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           AS item(position int, "externalId" text, name text, emails jsonb, ciphertext text, "keyId" text)`;
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

/** Writes the items inside the caller's transaction (the import's own). */
export function insertImportItems(tx: Tx, importId: string, rows: NewItemRow[]) {
  return tx.$executeRaw(insertImportItemsSql(importId, rows));
}
