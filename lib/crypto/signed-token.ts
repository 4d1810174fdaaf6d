// Stateless signed tokens for links we email (reconnect, snooze, unsubscribe): the fields in clear, an
// expiry, and an HMAC-SHA256 under a key derived per purpose from AUTH_SECRET, so a token made for one
// purpose never verifies as another and nothing has to be stored to check it.
import "server-only";
import crypto from "node:crypto";

export interface SignTokenOptions {
  /** Separates the keys of unrelated links, e.g. "reconnect-link". */
  purpose: string;
  /** Identifiers bound into the token; each must be URL-safe ([A-Za-z0-9_-]). */
  fields: string[];
  expiresAt: Date;
  secret: string;
}

export type VerifyTokenResult =
  | { kind: "valid"; fields: string[]; expiresAt: Date }
  | { kind: "invalid"; reason: "malformed" | "bad_signature" | "expired" };

const FIELD = /^[A-Za-z0-9_-]{1,128}$/;

function key(secret: string, purpose: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync("sha256", secret, "finch-reconnect signed links", `purpose:${purpose}`, 32),
  );
}

function sign(secret: string, purpose: string, body: string): Buffer {
  return crypto.createHmac("sha256", key(secret, purpose)).update(body).digest();
}

export function signToken({ purpose, fields, expiresAt, secret }: SignTokenOptions): string {
  if (!fields.every((field) => FIELD.test(field)))
    throw new Error("token fields must be URL-safe identifiers");
  const body = [...fields, Math.floor(expiresAt.getTime() / 1000).toString(36)].join(".");
  return `${body}.${sign(secret, purpose, body).toString("base64url")}`;
}

export interface VerifyTokenOptions {
  purpose: string;
  token: string;
  /** How many fields the purpose binds; anything else is malformed. */
  fieldCount: number;
  secret: string;
  now?: Date;
}

export function verifyToken({
  purpose,
  token,
  fieldCount,
  secret,
  now = new Date(),
}: VerifyTokenOptions): VerifyTokenResult {
  const parts = token.split(".");
  if (token.length > 1024 || parts.length !== fieldCount + 2 || !parts.every((part) => FIELD.test(part)))
    return { kind: "invalid", reason: "malformed" };
  const signature = Buffer.from(parts.pop() as string);
  const body = parts.join(".");
  // Compared as text, not decoded bytes: base64url ignores a last character's spare bits, so two
  // spellings would decode to the same MAC. Constant time; lengths first, as timingSafeEqual needs.
  const expected = Buffer.from(sign(secret, purpose, body).toString("base64url"));
  if (signature.length !== expected.length || !crypto.timingSafeEqual(signature, expected))
    return { kind: "invalid", reason: "bad_signature" };
  const expiresAt = new Date(parseInt(parts.pop() as string, 36) * 1000);
  if (Number.isNaN(expiresAt.getTime())) return { kind: "invalid", reason: "malformed" };
  if (expiresAt.getTime() <= now.getTime()) return { kind: "invalid", reason: "expired" };
  return { kind: "valid", fields: parts, expiresAt };
}
