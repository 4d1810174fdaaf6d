// The only module that reads or writes a connection's access token (and a bulk import item's, until it is worked).
import "server-only";
import { decryptToken, encryptToken, parseKeyring, type TokenKeyring } from "@/lib/crypto/token-cipher";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

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
