import { createHash, randomBytes, randomUUID } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function newUuid(): string {
  return randomUUID();
}

/** A UUID-shaped id derived from a seed, so generated companies keep the same ids across restarts. */
export function deterministicUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += BASE62[byte % BASE62.length];
  return out;
}

/** Webhook event ids look like Svix message ids (`msg_` + 27 chars), as in Finch's examples. */
export function newEventId(): string {
  return `msg_${randomBase62(27)}`;
}

/** Authorization codes are opaque; a long random string makes guessing impossible in practice. */
export function newAuthorizationCode(): string {
  return randomBase62(32);
}

export function newRequestId(): string {
  return randomUUID();
}
