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
 * What decides, inside the token read's own statement, whether the read may happen: `rows` yields one
 * row (the caller, say) or none; `passes` and `detail` are expressions over that row, aliased `g`.
 */
export interface TokenReadGate {
  rows: Prisma.Sql;
  passes: Prisma.Sql;
  /** The history entry's words, e.g. naming who read the token. */
  detail: Prisma.Sql;
}

/**
 * One statement checks the gate, reads a connection's token with its status and rotation time, and writes
 * an event on its timeline (a data-modifying CTE runs whether or not the outer query reads it): the gate's
 * row comes back in every case, with the token only when the gate passed and the connection exists, and
 * the event is written exactly then. The event id is made here, as `conn_` ids are: the column's cuid
 * default is Prisma's, not the table's.
 */
export function readAccessTokenBehindGateSql(
  connectionId: string,
  gate: TokenReadGate,
  event: { id: string; type: ConnectionEventType; at: Date },
): Prisma.Sql {
  return Prisma.sql`
    WITH g AS (${gate.rows}), c AS (
      SELECT id, "organizationId", "finchStatus", "tokenUpdatedAt", "accessTokenCiphertext", "accessTokenKeyId"
        FROM "Connection" WHERE id = ${connectionId} AND EXISTS (SELECT 1 FROM g WHERE ${gate.passes})
    ), recorded AS (
      INSERT INTO "ConnectionEvent" (id, "connectionId", "organizationId", type, detail, "createdAt")
      SELECT ${event.id}::text, c.id, c."organizationId", ${event.type}::text, ${gate.detail},
             ${event.at.toISOString()}::timestamp(3) FROM c, g
      RETURNING 1
    )
    SELECT g.*, c."finchStatus", c."tokenUpdatedAt", c."accessTokenCiphertext", c."accessTokenKeyId"
      FROM g LEFT JOIN c ON true`;
}

export interface TokenRead {
  accessToken: string;
  finchStatus: string;
  tokenUpdatedAt: Date;
}

interface TokenColumns {
  finchStatus: string | null;
  tokenUpdatedAt: Date | null;
  accessTokenCiphertext: string | null;
  accessTokenKeyId: string | null;
}

/**
 * Reads and decrypts a connection's token behind a gate, recording the read on its timeline: null when the
 * gate yields no row; otherwise the gate's row, and the token when the gate passed and the connection exists.
 */
export async function readAccessTokenBehindGate<G extends object>(
  connectionId: string,
  gate: TokenReadGate,
  eventType: ConnectionEventType,
): Promise<{ gate: G; token: TokenRead | null } | null> {
  const id = `evt_${crypto.randomBytes(12).toString("base64url")}`;
  // Straight from the pool (queryRows): the host's token read is the API's hottest call.
  const [row] = await queryRows<G & TokenColumns>(
    readAccessTokenBehindGateSql(connectionId, gate, { id, type: eventType, at: new Date() }),
  );
  if (!row) return null;
  const { finchStatus, tokenUpdatedAt, accessTokenCiphertext, accessTokenKeyId, ...gateRow } = row;
  if (finchStatus === null || tokenUpdatedAt === null || !accessTokenCiphertext || !accessTokenKeyId) {
    return { gate: gateRow as unknown as G, token: null };
  }
  const accessToken = decryptToken(
    { keyId: accessTokenKeyId, ciphertext: accessTokenCiphertext },
    tokenKeyring(),
    connectionId,
  );
  return { gate: gateRow as unknown as G, token: { accessToken, finchStatus, tokenUpdatedAt } };
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
