// The only module that reads or writes a connection's access token (and a bulk import item's, until it is worked).
import "server-only";
import crypto from "node:crypto";
import { decryptToken, encryptToken, parseKeyring, type TokenKeyring } from "@/lib/crypto/token-cipher";
import { db, queryRows, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionEventType } from "./connection-events";

let keyring: TokenKeyring | undefined;

function tokenKeyring(): TokenKeyring {
  keyring ??= parseKeyring(env().TOKEN_ENCRYPTION_KEYS);
  return keyring;
}

/** The columns to write for a token; the row id is bound into the ciphertext. */
export function sealAccessToken(connectionId: string, accessToken: string) {
  const sealed = encryptToken(accessToken, tokenKeyring(), connectionId);
  return {
    accessTokenCiphertext: sealed.ciphertext,
    accessTokenKeyId: sealed.keyId,
    tokenUpdatedAt: new Date(),
  };
}

/** Reads and decrypts the token of a connection of this organization, or null if there is none. */
export async function readAccessToken(connectionId: string, organizationId: string): Promise<string | null> {
  const row = await db().connection.findFirst({
    where: { id: connectionId, organizationId },
    select: { accessTokenCiphertext: true, accessTokenKeyId: true },
  });
  if (!row) return null;
  return decryptToken(
    { keyId: row.accessTokenKeyId, ciphertext: row.accessTokenCiphertext },
    tokenKeyring(),
    connectionId,
  );
}

/**
 * One statement reads a connection's token with its status and rotation time, and writes an event on
 * its timeline (a data-modifying CTE runs whether or not the outer query reads it); no row, no event.
 * The event id is made here, as `conn_` ids are: the column's cuid default is Prisma's, not the table's.
 */
export function readAccessTokenWithEventSql(
  connectionId: string,
  event: { id: string; type: ConnectionEventType; detail: string; at: Date },
): Prisma.Sql {
  return Prisma.sql`
    WITH c AS (
      SELECT id, "organizationId", "finchStatus", "tokenUpdatedAt", "accessTokenCiphertext", "accessTokenKeyId"
        FROM "Connection" WHERE id = ${connectionId}
    ), recorded AS (
      INSERT INTO "ConnectionEvent" (id, "connectionId", "organizationId", type, detail, "createdAt")
      SELECT ${event.id}::text, c.id, c."organizationId", ${event.type}::text, ${event.detail}::text,
             ${event.at.toISOString()}::timestamp(3) FROM c
      RETURNING 1
    )
    SELECT "finchStatus", "tokenUpdatedAt", "accessTokenCiphertext", "accessTokenKeyId" FROM c`;
}

export interface TokenRead {
  accessToken: string;
  finchStatus: string;
  tokenUpdatedAt: Date;
}

/** Reads and decrypts a connection's token, recording the read on its timeline; null if there is none. */
export async function readAccessTokenWithEvent(
  connectionId: string,
  event: { type: ConnectionEventType; detail: string },
): Promise<TokenRead | null> {
  const id = `evt_${crypto.randomBytes(12).toString("base64url")}`;
  // Straight from the pool (queryRows): the host's token read is the API's hottest call.
  const [row] = await queryRows<{
    finchStatus: string;
    tokenUpdatedAt: Date;
    accessTokenCiphertext: string;
    accessTokenKeyId: string;
  }>(readAccessTokenWithEventSql(connectionId, { id, ...event, at: new Date() }));
  if (!row) return null;
  const accessToken = decryptToken(
    { keyId: row.accessTokenKeyId, ciphertext: row.accessTokenCiphertext },
    tokenKeyring(),
    connectionId,
  );
  return { accessToken, finchStatus: row.finchStatus, tokenUpdatedAt: row.tokenUpdatedAt };
}

/** Replaces the token inside the caller's transaction. */
export async function replaceAccessToken(tx: Tx, connectionId: string, accessToken: string): Promise<void> {
  await tx.connection.update({
    where: { id: connectionId },
    data: sealAccessToken(connectionId, accessToken),
  });
}

/** A bulk import item's token, sealed until the item is worked; bound to the import and position. */
export function sealImportItemToken(importId: string, position: number, accessToken: string) {
  const sealed = encryptToken(accessToken, tokenKeyring(), `import:${importId}:${position}`);
  return { accessTokenCiphertext: sealed.ciphertext, accessTokenKeyId: sealed.keyId };
}

export function openImportItemToken(
  importId: string,
  position: number,
  sealed: { accessTokenCiphertext: string; accessTokenKeyId: string },
): string {
  return decryptToken(
    { keyId: sealed.accessTokenKeyId, ciphertext: sealed.accessTokenCiphertext },
    tokenKeyring(),
    `import:${importId}:${position}`,
  );
}
