// AES-256-GCM for Finch access tokens at rest. Each ciphertext carries the id of the key that made it,
// so keys rotate by putting a new key first in TOKEN_ENCRYPTION_KEYS and keeping the old ones after it.
import crypto from "node:crypto";

export interface EncryptedToken {
  keyId: string;
  /** base64url(iv) "." base64url(authTag) "." base64url(ciphertext) */
  ciphertext: string;
}

export interface TokenKeyring {
  currentKeyId: string;
  keys: Map<string, Buffer>;
}

/** Parses "keyId:base64Key,…"; every key must be exactly 32 bytes. */
export function parseKeyring(spec: string): TokenKeyring {
  const keys = new Map<string, Buffer>();
  for (const entry of spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(":");
    const keyId = entry.slice(0, separator).trim();
    const key = Buffer.from(entry.slice(separator + 1).trim(), "base64");
    if (separator <= 0 || !/^[\w.-]+$/.test(keyId))
      throw new Error("TOKEN_ENCRYPTION_KEYS: each entry must be keyId:base64Key");
    if (key.length !== 32) throw new Error(`TOKEN_ENCRYPTION_KEYS: key "${keyId}" must decode to 32 bytes`);
    if (keys.has(keyId)) throw new Error(`TOKEN_ENCRYPTION_KEYS: key id "${keyId}" appears twice`);
    keys.set(keyId, key);
  }
  const currentKeyId = keys.keys().next().value;
  if (!currentKeyId) throw new Error("TOKEN_ENCRYPTION_KEYS: no key given");
  return { currentKeyId, keys };
}

export function encryptToken(plaintext: string, keyring: TokenKeyring, context: string): EncryptedToken {
  const key = keyring.keys.get(keyring.currentKeyId) as Buffer;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  // The context (the connection's row id) is authenticated: a ciphertext copied to another row fails.
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return { keyId: keyring.currentKeyId, ciphertext: parts.join(".") };
}

export function decryptToken(
  { keyId, ciphertext }: EncryptedToken,
  keyring: TokenKeyring,
  context: string,
): string {
  const key = keyring.keys.get(keyId);
  if (!key) throw new Error(`No decryption key with id "${keyId}" is configured`);
  const [iv, tag, body] = ciphertext.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new Error("Malformed encrypted token");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
