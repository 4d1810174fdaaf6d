// The shape of an API key: "pck_" and 43 random base64url characters. Only its SHA-256 is stored, and
// its first characters (the prefix) name it in lists and on timelines.
import crypto from "node:crypto";

const KEY = /^pck_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const key = `pck_${crypto.randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

/** The key from `Authorization: Bearer <key>`, or null when the header is absent or not a key's shape. */
export function bearerKey(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match && KEY.test(match[1]) ? match[1] : null;
}
